import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** One reference service running as a child process on a loopback port of its own. */
export interface ServiceProcess {
  url: string;
  pid: number;
  /** Sends `signal` to this child only (by its pid). */
  kill(signal: NodeJS.Signals): void;
  /** Stops it (SIGTERM, SIGKILL after 3 s) and waits for it to exit; nothing when it already has. */
  stop(): Promise<void>;
}

const root = join(import.meta.dirname, '..', '..', '..');

/**
 * Starts `services/<name>/main.ts` with `env` on 127.0.0.1, port 0 unless `env.PORT` says otherwise, and
 * resolves with its URL once it logs "Server listening at" (at most 20 s; then it is killed).
 */
export async function startService(name: string, env: Record<string, string>): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=switchboard-source', '--import', 'tsx', join(root, 'services', name, 'main.ts')],
    {
      cwd: root,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`cannot start ${name}`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not listen within 20 s:\n${output.join('\n')}`));
    }, 20_000);
    for (const stream of [child.stdout, child.stderr]) {
      if (stream === null) continue;
      createInterface({ input: stream }).on('line', (line) => {
        if (output.length < 50) output.push(line);
        const at = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
        if (at === undefined) return;
        clearTimeout(timer);
        resolve(at);
      });
    }
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`${name} exited (${signal ?? `code ${code}`}) before listening:\n${output.join('\n')}`),
      );
    });
  });
  return {
    url,
    pid,
    kill: (signal) => {
      if (alive()) process.kill(pid, signal);
    },
    stop: async () => {
      if (!alive()) return;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(force);
    },
  };
}
