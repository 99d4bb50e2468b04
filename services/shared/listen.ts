import type { FastifyInstance } from 'fastify';
import { closeOnSignals } from '../../lib/server/graceful-shutdown.js';
import { ConfigError } from '../../lib/server/internal-auth.js';

/**
 * The body of every `services/<name>/main.ts`: builds the app, listens on HOST:PORT, closes gracefully on
 * SIGTERM/SIGINT. A ConfigError (missing or weak secret, bad URL) prints one clear line and exits 1.
 */
export async function runService(
  name: string,
  build: () => Promise<{ app: FastifyInstance; host: string; port: number; close?: () => Promise<void> }>,
): Promise<void> {
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
