import { describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/redis-server.js';
import { expectRefusal, runMain, untilAnswers } from '../../helpers/service-main.js';
import { TOKEN } from './helpers.js';

describe('whatsapp-service main.ts', () => {
  it.each([
    ['without an internal token', {}, /: INTERNAL_AUTH_TOKEN is not set/],
    [
      'with a PORT that is not a number',
      { INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN, PORT: 'http' },
      /PORT=http is not a TCP port/,
    ],
    [
      'with a REDIS_URL that is not one',
      { INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN, REDIS_URL: 'localhost:6379' },
      /REDIS_URL=localhost:6379 is not a redis:\/\/ or rediss:\/\/ URL/,
    ],
  ])('refuses to start %s: one line on stderr, exit 1', async (_name, env, reason) => {
    expectRefusal(await runMain('whatsapp-service', env).exit, 'whatsapp-service', reason);
  });

  it('starts with a good environment, answers /health, and exits 0 promptly on SIGTERM', async () => {
    const port = await freePort();
    const main = runMain('whatsapp-service', { INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN, PORT: String(port) });
    expect(await untilAnswers(port)).toBe(200);
    const exit = await main.stop();
    expect(exit).toMatchObject({ code: 0, signal: null, stderr: '' });
    expect(exit.ms).toBeLessThan(3000);
  });
});
