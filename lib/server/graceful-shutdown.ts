import type { FastifyInstance } from 'fastify';

/**
 * Closes `app` on SIGTERM or SIGINT: Fastify stops accepting connections, answers 503 to requests that
 * arrive on kept-alive sockets, lets in-flight requests finish, then the process exits 0. If that takes
 * longer than `graceMs` (default 10000) it exits 1. Returns a function that removes the signal handlers.
 */
export function closeOnSignals(
  app: FastifyInstance,
  graceMs = 10_000,
  exit: (code: number) => void = process.exit,
): () => void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal, graceMs }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error({ graceMs }, 'shutdown grace period passed; exiting');
      exit(1);
    }, graceMs);
    timer.unref();
    app.close().then(
      () => exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while closing');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
}
