import { type ChildProcess, fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage } from './server-messages.js';
import { TOKEN_ENV, type Variant } from './variants.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');

/** How long a child may take to listen, to answer a CPU query, and to exit once told to stop. */
const START_TIMEOUT_MS = 60_000;
const REPLY_TIMEOUT_MS = 5_000;
const STOP_TIMEOUT_MS = 10_000;

/** A server variant running in its own process, so it does not share a JS thread with the load generator. */
export interface ServerProcess {
  pid: number;
  port: number;
  /** CPU seconds (user + system) the child has used so far. */
  cpuSeconds(): Promise<number>;
  /** Asks the child to close and exit; kills it by pid (SIGKILL) if it has not exited in 10 s. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Forks `bench/server/serve.ts <variant>` under tsx with `token` as the accepted internal token and waits until
 * it listens. `cpuProfileDir`, when given, runs the child with `--cpu-prof` writing there; `cpu` pins it to
 * that core (needs `taskset`).
 */
export async function startServer(
  variant: Variant,
  token: string,
  cpuProfileDir?: string,
  cpu?: number,
): Promise<ServerProcess> {
  const profiling = cpuProfileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`];
  const nodeArgs = ['--import', 'tsx', ...profiling];
  // With `cpu`, node starts under `taskset -c <cpu>`: every thread it ever makes stays on that core.
  const child = fork(join(here, 'serve.ts'), [variant], {
    cwd: repoRoot,
    ...(cpu === undefined
      ? { execArgv: nodeArgs }
      : { execPath: 'taskset', execArgv: ['-c', String(cpu), process.execPath, ...nodeArgs] }),
    env: { ...process.env, [TOKEN_ENV]: token, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`server ${variant}: fork failed`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const listening = await nextMessage(child, 'listening', START_TIMEOUT_MS, variant);
    if (listening.type !== 'listening') throw new Error('unreachable');
    return {
      pid,
      port: listening.port,
      cpuSeconds: async () => {
        const reply = nextMessage(child, 'cpu', REPLY_TIMEOUT_MS, variant);
        child.send({ type: 'cpu' } satisfies ParentMessage);
        const message = await reply;
        return message.type === 'cpu' ? message.seconds : Number.NaN;
      },
      stop: () => stopChild(child, pid, exited),
    };
  } catch (error) {
    await stopChild(child, pid, exited);
    throw error;
  }
}

async function stopChild(child: ChildProcess, pid: number, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (child.connected) child.send({ type: 'stop' } satisfies ParentMessage);
  else process.kill(pid, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS);
  });
  const late = await Promise.race([exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (late) {
    process.kill(pid, 'SIGKILL');
    await exited;
  }
}

/** The next message of `type` from `child`; rejects if the child exits or `timeoutMs` passes first. */
function nextMessage(
  child: ChildProcess,
  type: ChildMessage['type'],
  timeoutMs: number,
  variant: Variant,
): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type !== type) return;
      done();
      resolve(message);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      done();
      reject(new Error(`server ${variant} exited (${String(code ?? signal)}) before sending '${type}'`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`server ${variant} sent no '${type}' within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
