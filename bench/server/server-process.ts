import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ListeningChild, startListeningChild } from '../listening-child.js';
import { TOKEN_ENV, type Variant } from './variants.js';

const here = dirname(fileURLToPath(import.meta.url));

/** A server variant running in its own process, so it does not share a JS thread with the load generator. */
export type ServerProcess = ListeningChild;

/**
 * Starts `bench/server/serve.ts <variant>` under tsx with `token` as the accepted internal token and waits until
 * it listens. `cpuProfileDir`, when given, runs the child with `--cpu-prof` writing there; `cpu` pins it to
 * that core (needs `taskset`); `env` is added to the child's environment.
 */
export function startServer(
  variant: Variant,
  token: string,
  cpuProfileDir?: string,
  cpu?: number,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  return startListeningChild(join(here, 'serve.ts'), [variant], {
    label: `server ${variant}`,
    env: { ...env, [TOKEN_ENV]: token },
    ...(cpuProfileDir === undefined ? {} : { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] }),
    ...(cpu === undefined ? {} : { cpu }),
  });
}
