import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** A readiness check: resolves true when the dependency it checks (a store, a config) is usable. */
export type ReadinessCheck = () => boolean | Promise<boolean>;

/** Options of the health plugin. */
export interface HealthOptions {
  /** Named readiness checks; `/ready` answers 503 naming the ones that fail. Default none. */
  checks?: Readonly<Record<string, ReadinessCheck>>;
  /** Longest a check may take before it counts as failed, in ms. Default 1000. */
  checkTimeoutMs?: number;
}

/** `/health` (liveness: the process answers) and `/ready` (every readiness check passes). */
export const healthPlugin = fp(
  async (app: FastifyInstance, options: HealthOptions) => {
    const checks = Object.entries(options.checks ?? {});
    const timeoutMs = options.checkTimeoutMs ?? 1000;
    app.get('/health', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
    app.get('/ready', { logLevel: 'warn' }, async (_request, reply) => {
      const results = await Promise.all(
        checks.map(async ([name, check]) => [name, await runCheck(check, timeoutMs)] as const),
      );
      const failing = results.filter(([, ok]) => !ok).map(([name]) => name);
      if (failing.length > 0) return reply.code(503).send({ status: 'unavailable', failing });
      return { status: 'ready' };
    });
  },
  { name: 'switchboard-health', fastify: '5.x' },
);

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      Promise.resolve()
        .then(check)
        .catch(() => false),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
