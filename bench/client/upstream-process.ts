import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startListeningChild } from '../listening-child.js';
import { UPSTREAM_TOKEN_ENV } from './upstream-messages.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The upstream server running in its own process, so it does not share a JS thread with the clients. */
export interface UpstreamProcess {
  pid: number;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** CPU seconds (user + system) the child has used so far. */
  cpuSeconds(): Promise<number>;
  /** Asks the child to exit; kills it by pid (SIGKILL) if it has not exited in 10 s. Idempotent. */
  stop(): Promise<void>;
}

/** Starts `bench/client/upstream.ts` under tsx, accepting `token`, and waits until it listens; `cpu` pins it. */
export async function startUpstream(token: string, cpu?: number): Promise<UpstreamProcess> {
  const child = await startListeningChild(join(here, 'upstream.ts'), [], {
    label: 'upstream',
    env: { [UPSTREAM_TOKEN_ENV]: token },
    ...(cpu === undefined ? {} : { cpu }),
  });
  return {
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${child.port}`,
    cpuSeconds: () => child.cpuSeconds(),
    stop: () => child.stop(),
  };
}
