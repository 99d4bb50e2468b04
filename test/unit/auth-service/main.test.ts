import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/redis-server.js';
import { INTERNAL, SECRET } from './auth-test-setup.js';

/** Runs `services/auth-service/main.ts` with `env` (nothing inherited but PATH). */
function runMain(env: Record<string, string>): {
  child: ChildProcess;
  exit: Promise<[number | null, string]>;
} {
  const child = spawn(
    process.execPath,
    ['--conditions=switchboard-source', '--import', 'tsx', 'services/auth-service/main.ts'],
    {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exit = new Promise<[number | null, string]>((resolve) =>
    child.once('exit', (code) => resolve([code, stderr])),
  );
  return { child, exit };
}

const internal = { INTEXURAOS_INTERNAL_AUTH_TOKEN: INTERNAL[0] };

describe('auth-service main', () => {
  it('refuses to start, exit 1, with a short JWT_SECRET and never prints it', async () => {
    const [code, stderr] = await runMain({ ...internal, JWT_SECRET: 'hunter2-hunter2' }).exit;
    expect(code).toBe(1);
    expect(stderr).toContain('auth-service: refusing to start: JWT_SECRET is 15 characters long');
    expect(stderr).not.toContain('hunter2');
  });

  it('starts with a good config, answers /health, and stops on SIGTERM', async () => {
    const port = await freePort();
    const { child, exit } = runMain({ ...internal, JWT_SECRET: SECRET, PORT: String(port) });
    try {
      let status: number | undefined;
      for (let i = 0; i < 100 && status !== 200; i++) {
        status = await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.status,
          () => undefined,
        );
        if (status !== 200) await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect((await exit)[0]).toBe(0);
  });
});
