import type { FastifyInstance } from 'fastify';
import { ConfigError } from './config-error.js';
import { closeOnSignals } from './graceful-shutdown.js';

/** What `runService` needs from a service's `build` step. */
export interface RunnableService {
  /** The app, built but not listening (e.g. from `createServiceApp`). */
  app: FastifyInstance;
  /** Interface to listen on, e.g. `127.0.0.1`. */
  host: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Called once when the app closes: release what `build` opened (Redis, pools). */
  close?: () => Promise<void>;
}

/**
 * The body of a service's `main.ts`: builds the app, listens on host:port, closes gracefully on
 * SIGTERM/SIGINT (in-flight requests finish, then exit 0). A ConfigError (missing or weak secret, bad URL) or
 * a listen failure the operator fixes (a port in use, a HOST that does not resolve or is not this machine's)
 * prints one line `<name>: refusing to start: <reason>` and exits 1; any other error rejects.
 */
export async function runService(name: string, build: () => Promise<RunnableService>): Promise<void> {
  let built: RunnableService | undefined;
  try {
    built = await build();
    const { app, host, port, close } = built;
    if (close !== undefined) app.addHook('onClose', close);
    closeOnSignals(app);
    await app.listen({ host, port });
  } catch (error) {
    const reason = error instanceof ConfigError ? error.message : listenFailure(error, built);
    if (reason !== undefined) {
      process.stderr.write(`${name}: refusing to start: ${reason}\n`);
      await built?.app.close().catch(() => {});
      process.exit(1);
    }
    throw error;
  }
}

/** The one-line reason a listen failed for a cause the operator fixes (a taken port, an unknown host). */
function listenFailure(error: unknown, built: RunnableService | undefined): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (built === undefined || typeof code !== 'string') return undefined;
  const where = `${built.host}:${built.port}`;
  if (code === 'EADDRINUSE') return `${where} is already in use (PORT)`;
  if (code === 'EADDRNOTAVAIL') return `${built.host} is not an address of this machine (HOST)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `HOST=${built.host} does not resolve`;
  if (code === 'EACCES') return `not allowed to listen on ${where} (PORT)`;
  return undefined;
}
