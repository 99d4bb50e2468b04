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
 * SIGTERM/SIGINT (in-flight requests finish, then exit 0). A ConfigError (missing or weak secret, bad URL)
 * prints one line `<name>: refusing to start: <reason>` and exits 1; any other error rejects.
 */
export async function runService(name: string, build: () => Promise<RunnableService>): Promise<void> {
  try {
    const { app, host, port, close } = await build();
    if (close !== undefined) app.addHook('onClose', close);
    closeOnSignals(app);
    await app.listen({ host, port });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${name}: refusing to start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
