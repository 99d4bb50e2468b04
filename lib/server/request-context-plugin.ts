import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { newCorrelationId } from '../context/correlation-id.js';
import { type RequestContext, runWithContext } from '../context/request-context.js';
import { InboundContext } from './inbound-context.js';
import { hostRequestStart, requestStarter } from './request-start.js';

/** Options of the request context plugin. */
export interface RequestContextOptions {
  /** Budget in ms of a request that carries no `X-Deadline-Ms`. Default 30000. */
  defaultBudgetMs?: number;
  /** Largest budget accepted from `X-Deadline-Ms`. Default 60000. */
  maxBudgetMs?: number;
  /** Below this many ms left, a request is answered 503 at once instead of started. Default 5. */
  minBudgetMs?: number;
  /**
   * Runs the rest of each request inside AsyncLocalStorage, so `currentContext()` and every generated client
   * called while handling it see the context. Set false for a leaf service, one that calls no generated
   * client and reads the context from `request.context`: once enabled, Node 20's AsyncLocalStorage runs a
   * hook on every async resource of the process, about 3 µs a request (measured with the `server` bench).
   * Default true.
   */
  propagate?: boolean;
  /**
   * True when the app's `genReqId` is `correlationIdOf` and its `requestIdLogLabel` names the correlation ID
   * (createServiceApp sets both): the request ID is then the correlation ID and the request logger already
   * carries it, so no child logger is made per request. Default false.
   */
  requestIdIsCorrelationId?: boolean;
}

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
const BUDGET = /^\d{1,9}$/;

/** The inbound `X-Correlation-ID` when sane (≤ 128 chars of `[A-Za-z0-9._:-]`), otherwise a fresh one (`newCorrelationId`). */
export function correlationIdOf(request: IncomingMessage): string {
  const header = request.headers['x-correlation-id'];
  return typeof header === 'string' && SANE_ID.test(header) ? header : newCorrelationId();
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Correlation ID, deadline and abort signal of this request (also in AsyncLocalStorage). */
    context: RequestContext;
  }
}

/**
 * Correlation, trace and deadline for every request: takes a sane `X-Correlation-ID` or makes one, echoes it,
 * binds it to the request logger; reads `X-Deadline-Ms` (the caller's remaining budget) into an absolute
 * deadline and an AbortSignal that fires at the deadline or when the client goes away (made when first read);
 * runs the rest of the request inside that context so generated clients pick it up without being passed it.
 */
export const requestContextPlugin = fp(
  async (app: FastifyInstance, options: RequestContextOptions) => {
    const defaultBudget = options.defaultBudgetMs ?? 30_000;
    const maxBudget = options.maxBudgetMs ?? 60_000;
    const minBudget = options.minBudgetMs ?? 5;
    const idIsCorrelation = options.requestIdIsCorrelationId === true;
    const propagate = options.propagate !== false;
    app.decorateRequest('context', null as unknown as RequestContext);
    hostRequestStart(app);
    app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
      const headers = request.headers;
      const correlationId = idIsCorrelation ? request.id : correlationIdOf(request.raw);
      const trace = headers.traceparent;
      const budgetHeader = headers['x-deadline-ms'];
      const asked =
        typeof budgetHeader === 'string' && BUDGET.test(budgetHeader) ? Number(budgetHeader) : defaultBudget;
      const budget = Math.min(asked, maxBudget);
      const context = new InboundContext(
        correlationId,
        typeof trace === 'string' && TRACEPARENT.test(trace) ? trace : undefined,
        Date.now() + budget,
        reply.raw,
      );
      request.context = context;
      if (!idIsCorrelation) request.log = request.log.child({ correlationId });
      reply.header('x-correlation-id', correlationId);
      if (budget < minBudget) {
        reply
          .code(503)
          .send({ error: 'Deadline exceeded before the request started', code: 'DEADLINE_EXCEEDED' });
        return;
      }
      requestStarter(app)?.(request);
      if (propagate) runWithContext(context, done);
      else done();
    });
  },
  { name: 'switchboard-request-context', fastify: '5.x' },
);
