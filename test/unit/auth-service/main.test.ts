import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { EPOCH_KEY } from '../../../services/auth-service/store/revocation-epoch.js';
import { freePort, startRedis } from '../../helpers/redis-server.js';
import { expectRefusal, type MainProcess, runMain, untilAnswers } from '../../helpers/service-main.js';
import { INTERNAL, SECRET } from './auth-test-setup.js';

const internal = { INTEXURAOS_INTERNAL_AUTH_TOKEN: INTERNAL[0] };

describe('auth-service main', () => {
  it('refuses to start, exit 1, with a short JWT_SECRET and never prints it', async () => {
    const exit = await runMain('auth-service', { ...internal, JWT_SECRET: 'hunter2-hunter2' }).exit;
    expectRefusal(exit, 'auth-service', /JWT_SECRET is 15 characters long/);
    expect(exit.stderr).not.toContain('hunter2');
  });

  it('starts with a good config, answers /health, and stops on SIGTERM', async () => {
    const port = await freePort();
    const main = runMain('auth-service', { ...internal, JWT_SECRET: SECRET, PORT: String(port) });
    expect(await untilAnswers(port)).toBe(200);
    expect((await main.stop()).code).toBe(0);
  });

  it('on Redis, warns at start that it lacks AOF and noeviction, and adopts a revocation epoch', async () => {
    const redisServer = await startRedis();
    const admin = new Redis(redisServer.url);
    let main: MainProcess | undefined;
    try {
      await admin.call('CONFIG', 'SET', 'maxmemory-policy', 'volatile-lru');
      const port = await freePort();
      main = runMain('auth-service', {
        ...internal,
        JWT_SECRET: SECRET,
        PORT: String(port),
        REDIS_URL: redisServer.url,
      });
      expect(await untilAnswers(port)).toBe(200);
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
      await main?.stop();
      admin.disconnect();
      await redisServer.stop();
    }
  });
});
