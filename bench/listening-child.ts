import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** How long a child may take to listen and to exit once told to stop. */
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * A server the benches load, in its own process so it does not share a JS thread with the load.
 *
 * The child has no IPC channel and is never messaged while it is measured: it announces its port with one
 * line on stdout (`announceListening` in `serve-until-stopped.ts`), its CPU time is read from outside
 * (`/proc/<pid>/stat`), and it stops when its stdin closes. With Node's IPC channel open and polled for CPU
 * time, about two thirds of the Fastify server processes (bare Fastify and the generated stack alike) ran
 * Node's own `process.nextTick` on V8's generic runtime path for the rest of their life (`perf` showed
 * `Runtime_DefineKeyedOwnPropertyInLiteral` and `JSObject::MigrateToMap` samples) and used 20-40 % more CPU
 * per request; without the channel none did.
 */
export interface ListeningChild {
  pid: number;
  port: number;
  /** CPU seconds (user + system, all threads) the child has used so far, read without disturbing it. */
  cpuSeconds(): Promise<number>;
  /** Closes the child's stdin (it then closes and exits); SIGKILL by pid if it has not exited in 10 s. Idempotent. */
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

/** What a child prints on stdout, as one JSON line, once it listens. */
export interface ListeningLine {
  listening: number;
}

/**
 * Starts `script` (TypeScript, under tsx) and waits for its `{"listening": port}` line on stdout. Later
 * stdout lines are passed through to this process's stdout.
 */
export async function startListeningChild(
  script: string,
  args: string[],
  options: ChildOptions,
): Promise<ListeningChild> {
  const nodeArgv = [
    '--conditions=switchboard-source',
    '--import',
    'tsx',
    ...(options.nodeArgs ?? []),
    script,
    ...args,
  ];
  const [command, argv] =
    options.cpu === undefined
      ? [process.execPath, nodeArgv]
      : ['taskset', ['-c', String(options.cpu), process.execPath, ...nodeArgv]];
  const child = spawn(command, argv, {
    cwd: repoRoot,
    env: { ...process.env, ...options.env, NODE_ENV: 'production' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.label}: spawn failed`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const port = await listeningPort(child, options.label);
    return {
      pid,
      port,
      cpuSeconds: async () => cpuSecondsOf(pid),
      stop: () => stopChild(child, pid, exited),
    };
  } catch (error) {
    await stopChild(child, pid, exited);
    throw error;
  }
}

/** The port from the child's first stdout line; rejects if the child exits, or 60 s pass, first. */
function listeningPort(child: ChildProcess, label: string): Promise<number> {
  const stdout = child.stdout;
  if (stdout === null) return Promise.reject(new Error(`${label}: no stdout`));
  const lines = createInterface({ input: stdout });
  return new Promise((resolve, reject) => {
    const onLine = (line: string) => {
      done();
      lines.on('line', (later) => process.stdout.write(`${later}\n`));
      const port = parsePort(line);
      if (port === undefined) reject(new Error(`${label}: expected {"listening": <port>}, got ${line}`));
      else resolve(port);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      done();
      reject(new Error(`${label} exited (${String(code ?? signal)}) before listening`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${label} did not listen within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      lines.off('line', onLine);
      child.off('exit', onExit);
    };
    lines.once('line', onLine);
    child.once('exit', onExit);
  });
}

function parsePort(line: string): number | undefined {
  try {
    const port = (JSON.parse(line) as Partial<ListeningLine>).listening;
    return Number.isInteger(port) ? port : undefined;
  } catch {
    return undefined;
  }
}

let clockTicks: number | undefined;

/**
 * User + system CPU seconds of process `pid`: fields 14 and 15 of `/proc/<pid>/stat` (clock ticks, 10 ms at
 * the usual 100 per second), or `ps -o time=` (whole seconds on Linux) where there is no /proc.
 */
function cpuSecondsOf(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return psCpuSeconds(pid);
  }
  // The command name (field 2) may hold spaces and parentheses: count fields from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/** `ps -o time=` prints `[[dd-]hh:]mm:ss[.ss]`. */
function psCpuSeconds(pid: number): number {
  const out = execFileSync('ps', ['-o', 'time=', '-p', String(pid)], { encoding: 'utf8' }).trim();
  const [days, clock] = out.includes('-') ? out.split('-') : ['0', out];
  const seconds = (clock ?? '').split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  return Number(days) * 86_400 + seconds;
}

async function stopChild(child: ChildProcess, pid: number, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
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
