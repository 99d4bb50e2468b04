import { type ChildProcess, fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** How long a child may take to listen, to answer a CPU query, and to exit once told to stop. */
const START_TIMEOUT_MS = 60_000;
const REPLY_TIMEOUT_MS = 5_000;
const STOP_TIMEOUT_MS = 10_000;

/** Parent → child: report CPU time, or close and exit. */
export type ParentMessage = { type: 'cpu' } | { type: 'stop' };
/** Child → parent: listening on `port`, or the CPU seconds (user + system) used so far. */
export type ChildMessage = { type: 'listening'; port: number } | { type: 'cpu'; seconds: number };

/** A server the benches load, in its own process so it does not share a JS thread with the load. */
export interface ListeningChild {
  pid: number;
  port: number;
  /** CPU seconds (user + system) the child has used so far. */
  cpuSeconds(): Promise<number>;
  /** Asks the child to close and exit; kills it by pid (SIGKILL) if it has not exited in 10 s. Idempotent. */
  stop(): Promise<void>;
}

/** How to start one child. */
export interface ChildOptions {
  /** Names the child in errors, e.g. `server generated`. */
  label: string;
  /** Extra environment on top of this process's (NODE_ENV is `production`). */
  env: Record<string, string>;
  /** Extra node flags (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** Pins the child to this core: node starts under `taskset -c <cpu>`, so every thread it makes stays there. */
  cpu?: number;
}

/**
 * Forks `script` (TypeScript, under tsx) with an IPC channel and waits for its `{type: 'listening', port}`.
 * The child answers `{type: 'cpu'}` with `{type: 'cpu', seconds}` and exits on `{type: 'stop'}` (the
 * protocol of `bench/server/serve.ts` and `bench/client/upstream.ts`).
 */
export async function startListeningChild(
  script: string,
  args: string[],
  options: ChildOptions,
): Promise<ListeningChild> {
  const nodeArgs = ['--import', 'tsx', ...(options.nodeArgs ?? [])];
  const child = fork(script, args, {
    cwd: repoRoot,
    ...(options.cpu === undefined
      ? { execArgv: nodeArgs }
      : { execPath: 'taskset', execArgv: ['-c', String(options.cpu), process.execPath, ...nodeArgs] }),
    env: { ...process.env, ...options.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.label}: fork failed`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const listening = await nextMessage(child, 'listening', START_TIMEOUT_MS, options.label);
    if (listening.type !== 'listening') throw new Error('unreachable');
    return {
      pid,
      port: listening.port,
      cpuSeconds: async () => {
        const reply = nextMessage(child, 'cpu', REPLY_TIMEOUT_MS, options.label);
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
  label: string,
): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type !== type) return;
      done();
      resolve(message);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      done();
      reject(new Error(`${label} exited (${String(code ?? signal)}) before sending '${type}'`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${label} sent no '${type}' within ${timeoutMs} ms`));
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
