import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { EPOCH_KEY } from '../../../services/auth-service/store/revocation-epoch.js';
import { freePort, startRedis } from '../../helpers/redis-server.js';
import { INTERNAL, SECRET } from './auth-test-setup.js';

/** Runs `services/auth-service/main.ts` with `env` (nothing inherited but PATH). */
function runMain(env: Record<string, string>): {
  child: ChildProcess;
  exit: Promise<[number | null, string]>;
  /** Log lines (pino JSON) written so far. */
  stdout: string[];
} {
  const child = spawn(
    process.execPath,
    ['--conditions=switchboard-source', '--import', 'tsx', 'services/auth-service/main.ts'],
    {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const stdout: string[] = [];
  child.stdout?.on('data', (chunk) => {
    stdout.push(String(chunk));
  });
  const exit = new Promise<[number | null, string]>((resolve) =>
    child.once('exit', (code) => resolve([code, stderr])),
  );
  return { child, exit, stdout };
}

/** Polls `/health` on `port` (at most 5 s) and resolves with the last status. */
async function untilHealthy(port: number): Promise<number | undefined> {
  let status: number | undefined;
  for (let i = 0; i < 100 && status !== 200; i++) {
    status = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.status,
      () => undefined,
    );
    if (status !== 200) await new Promise((r) => setTimeout(r, 50));
  }
  return status;
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
      expect(await untilHealthy(port)).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect((await exit)[0]).toBe(0);
  });

  it('on Redis, warns at start that it lacks AOF and noeviction, and adopts a revocation epoch', async () => {
    const redisServer = await startRedis();
    const admin = new Redis(redisServer.url);
    let main: ReturnType<typeof runMain> | undefined;
    try {
      await admin.call('CONFIG', 'SET', 'maxmemory-policy', 'volatile-lru');
      const port = await freePort();
      main = runMain({ ...internal, JWT_SECRET: SECRET, PORT: String(port), REDIS_URL: redisServer.url });
      expect(await untilHealthy(port)).toBe(200);
      const warnings = main.stdout
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => (JSON.parse(l) as { msg: string }).msg);
      expect(warnings).toEqual([
        'Redis appendonly is "no", not "yes": revocations may be lost',
        'Redis maxmemory-policy is "volatile-lru", not "noeviction": revocations may be lost',
      ]);
      expect(await admin.get(EPOCH_KEY)).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      main?.child.kill('SIGTERM');
      await main?.exit;
      admin.disconnect();
      await redisServer.stop();
    }
  });
});
