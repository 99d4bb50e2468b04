import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/redis-server.js';
import { expectRefusal, runMain, untilAnswers } from '../../helpers/service-main.js';

const TOKEN = randomBytes(32).toString('hex');

describe('llm-orchestrator main.ts', () => {
  it.each([
    ['without an internal token', {}, /: INTERNAL_AUTH_TOKEN is not set/],
    [
      'with a downstream URL that is not http(s)',
      { INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN, INTEXURAOS_USER_SERVICE_URL: 'ftp://users.internal' },
      /INTEXURAOS_USER_SERVICE_URL=ftp:\/\/users\.internal: "ftp:\/\/users\.internal" is not an http\(s\) URL/,
    ],
    [
      'with a replica listed twice',
      {
        INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN,
        AUTH_SERVICE_URL: 'http://127.0.0.1:3001,http://127.0.0.1:3001/',
      },
      /AUTH_SERVICE_URL=.*: baseUrl lists http:\/\/127\.0\.0\.1:3001 twice/,
    ],
    [
      'with a downstream timeout the clients would refuse',
      { INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN, DOWNSTREAM_TIMEOUT_MS: '2s' },
      /DOWNSTREAM_TIMEOUT_MS=2s is not a whole number of ms/,
    ],
  ])('refuses to start %s: one line on stderr, exit 1', async (_name, env, reason) => {
    expectRefusal(await runMain('llm-orchestrator', env).exit, 'llm-orchestrator', reason);
  });

  it('starts with a good environment, answers /health, and exits 0 promptly on SIGTERM', async () => {
    const port = await freePort();
    const main = runMain('llm-orchestrator', {
      INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN,
      HOST: '127.0.0.1',
      PORT: String(port),
      // Two replicas where nothing listens: starting calls no downstream.
      INTEXURAOS_USER_SERVICE_URL: 'http://127.0.0.1:9,http://127.0.0.1:7',
    });
    expect(await untilAnswers(port)).toBe(200);
    const exit = await main.stop();
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.ms).toBeLessThan(3000);
    expect(exit.stderr).toBe('');
  });
});
