import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type RequestContext, runWithContext } from '../context/request-context.js';

/** Options of the request context plugin. */
export interface RequestContextOptions {
  /** Budget in ms of a request that carries no `X-Deadline-Ms`. Default 30000. */
  defaultBudgetMs?: number;
  /** Largest budget accepted from `X-Deadline-Ms`. Default 60000. */
  maxBudgetMs?: number;
  /** Below this many ms left, a request is answered 503 at once instead of started. Default 5. */
  minBudgetMs?: number;
}

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** Correlation ID, deadline and abort signal of this request (also in AsyncLocalStorage). */
    context: RequestContext;
  }
}

/**
 * Correlation, trace and deadline for every request: takes a sane `X-Correlation-ID` or makes one, echoes it,
 * binds it to the request logger; reads `X-Deadline-Ms` (the caller's remaining budget) into an absolute
 * deadline and an AbortSignal that fires at the deadline or when the client goes away; runs the rest of the
 * request inside that context so generated clients pick it up without being passed anything.
 */
export const requestContextPlugin = fp(
  async (app: FastifyInstance, options: RequestContextOptions) => {
    const defaultBudget = options.defaultBudgetMs ?? 30_000;
    const maxBudget = options.maxBudgetMs ?? 60_000;
    const minBudget = options.minBudgetMs ?? 5;
    app.decorateRequest('context', null as unknown as RequestContext);
    app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
      const header = request.headers['x-correlation-id'];
      const correlationId = typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
      const trace = request.headers.traceparent;
      const budgetHeader = request.headers['x-deadline-ms'];
      const asked =
        typeof budgetHeader === 'string' && /^\d{1,9}$/.test(budgetHeader)
          ? Number(budgetHeader)
          : defaultBudget;
      const budget = Math.min(asked, maxBudget);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new Error('deadline exceeded')), budget);
      timer.unref();
      reply.raw.once('close', () => {
        clearTimeout(timer);
        if (!reply.raw.writableFinished) controller.abort(new Error('client closed the request'));
      });
      request.context = {
        correlationId,
        traceparent: typeof trace === 'string' && TRACEPARENT.test(trace) ? trace : undefined,
        deadline: Date.now() + budget,
        signal: controller.signal,
      };
      request.log = request.log.child({ correlationId });
      reply.header('x-correlation-id', correlationId);
      if (budget < minBudget) {
        clearTimeout(timer);
        reply
          .code(503)
          .send({ error: 'Deadline exceeded before the request started', code: 'DEADLINE_EXCEEDED' });
        return;
      }
      runWithContext(request.context, () => done());
    });
  },
  { name: 'switchboard-request-context', fastify: '5.x' },
);
