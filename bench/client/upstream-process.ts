import { type ChildProcess, fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UPSTREAM_TOKEN_ENV, type UpstreamReply, type UpstreamRequest } from './upstream-messages.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');

/** How long the child may take to listen, to answer a CPU query, and to exit once told to stop. */
const START_TIMEOUT_MS = 60_000;
const REPLY_TIMEOUT_MS = 5_000;
const STOP_TIMEOUT_MS = 10_000;

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

/** Forks `bench/client/upstream.ts` under tsx, accepting `token`, and waits until it listens. */
export async function startUpstream(token: string, cpu?: number): Promise<UpstreamProcess> {
  const nodeArgs = ['--import', 'tsx'];
  // With `cpu`, node starts under `taskset -c <cpu>`: every thread it ever makes stays on that core.
  const child = fork(join(here, 'upstream.ts'), [], {
    cwd: repoRoot,
    ...(cpu === undefined
      ? { execArgv: nodeArgs }
      : { execPath: 'taskset', execArgv: ['-c', String(cpu), process.execPath, ...nodeArgs] }),
    env: { ...process.env, [UPSTREAM_TOKEN_ENV]: token, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('upstream: fork failed');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const listening = await nextReply(child, 'listening', START_TIMEOUT_MS);
    if (listening.type !== 'listening') throw new Error('unreachable');
    return {
      pid,
      baseUrl: `http://127.0.0.1:${listening.port}`,
      cpuSeconds: async () => {
        const reply = nextReply(child, 'cpu', REPLY_TIMEOUT_MS);
        child.send({ type: 'cpu' } satisfies UpstreamRequest);
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
  if (child.connected) child.send({ type: 'stop' } satisfies UpstreamRequest);
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

/** The next reply of `type` from `child`; rejects if the child exits or `timeoutMs` passes first. */
function nextReply(
  child: ChildProcess,
  type: UpstreamReply['type'],
  timeoutMs: number,
): Promise<UpstreamReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: UpstreamReply) => {
      if (message.type !== type) return;
      done();
      resolve(message);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      done();
      reject(new Error(`upstream exited (${String(code ?? signal)}) before sending '${type}'`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`upstream sent no '${type}' within ${timeoutMs} ms`));
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
