import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRedis,
  redisReady,
  StoreUnavailableError,
  viaRedis,
} from '../../../services/shared/redis-client.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';
import { REDIS_COMMAND_TIMEOUT_MS, SCHEDULING_ALLOWANCE_MS } from '../../helpers/timing.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  await server?.stop();
});

describe('createRedis against a real redis-server', () => {
  it('fails within the command timeout while Redis is down and recovers after it returns', async () => {
    const redis = createRedis(server.url);
    expect(await redisReady(redis)).toBe(true);
    try {
      await viaRedis(() => redis.set('k', 'v'));
      expect(await viaRedis(() => redis.get('k'))).toBe('v');
      await server.stop();
      const started = performance.now();
      await expect(viaRedis(() => redis.get('k'))).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(performance.now() - started).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS + SCHEDULING_ALLOWANCE_MS);
      await server.restart();
      let value: string | null | undefined;
      for (let i = 0; i < 40 && value === undefined; i++) {
        value = await viaRedis(() => redis.set('k', 'again').then(() => redis.get('k'))).catch(
          () => undefined,
        );
        if (value === undefined) await new Promise((r) => setTimeout(r, 100));
      }
      expect(value).toBe('again');
    } finally {
      redis.disconnect();
    }
  });
});
