import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';

/** How a service's main.ts process ended. */
export interface MainExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Milliseconds from `stop()` (or from the start, when it exited on its own) to the exit. */
  ms: number;
}

/** A service's main.ts running as a child process of the test. */
export interface MainProcess {
  pid: number;
  /** Settles when the process has exited. */
  exit: Promise<MainExit>;
  /** What it wrote to stdout so far (its pino log lines at `warn` and up), chunk by chunk. */
  stdout: string[];
  /** Sends SIGTERM to this process (by its pid) and waits for its exit. */
  stop(): Promise<MainExit>;
}

const root = join(import.meta.dirname, '..', '..');

/**
 * Runs `services/<service>/main.ts` as `make dev` does (`node --conditions=switchboard-source --import tsx`)
 * with `env` and nothing inherited but PATH (logs at `warn`). The process is killed (SIGKILL, by its pid) when
 * the test finishes if it is still running.
 */
export function runMain(service: string, env: Record<string, string>): MainProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=switchboard-source', '--import', 'tsx', join(root, 'services', service, 'main.ts')],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`cannot start ${service}`);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const stdout: string[] = [];
  child.stdout?.on('data', (chunk) => {
    stdout.push(String(chunk));
  });
  let since = performance.now();
  const exit = new Promise<MainExit>((resolve) =>
    // 'close': all of stderr has been read by then.
    child.once('close', (code, signal) =>
      resolve({ code, signal, stderr, ms: Math.round(performance.now() - since) }),
    ),
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  onTestFinished(() => {
    if (running()) child.kill('SIGKILL');
  });
  return {
    pid,
    stdout,
    exit,
    stop: () => {
      since = performance.now();
      if (running()) child.kill('SIGTERM');
      return exit;
    },
  };
}

/**
 * Polls `GET <path>` on 127.0.0.1:`port` every 50 ms until it answers 200, at most `ms` (default 15 s; 0 for
 * one request); resolves with the last status (undefined: no answer).
 */
export async function untilAnswers(port: number, path = '/health', ms = 15_000): Promise<number | undefined> {
  const until = performance.now() + ms;
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${port}${path}`).then(
      async (r) => {
        await r.arrayBuffer();
        return r.status;
      },
      () => undefined,
    );
    if (status === 200 || performance.now() >= until) return status;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Checks that a main.ts refused to start as runService does for a ConfigError: exit code 1 and stderr exactly
 * one line `<service>: refusing to start: <reason>`, without a stack trace.
 */
export function expectRefusal(exit: MainExit, service: string, reason: RegExp): void {
  expect(exit.code).toBe(1);
  const lines = exit.stderr.trimEnd().split('\n');
  expect(lines).toEqual([expect.stringMatching(new RegExp(`^${service}: refusing to start: `))]);
  expect(lines[0]).toMatch(reason);
  expect(exit.stderr).not.toMatch(/\n\s+at /);
}
