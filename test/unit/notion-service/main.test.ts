import { randomBytes } from 'node:crypto';
import { type AddressInfo, createServer } from 'node:net';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createNotionServiceClient } from '../../../generated/notion-service/client.js';
import { freePort, startRedis } from '../../helpers/redis-server.js';
import { expectRefusal, runMain, untilAnswers } from '../../helpers/service-main.js';

const TOKEN = randomBytes(32).toString('hex');

describe('notion-service main.ts', () => {
  it.each([
    [
      'with a short internal token',
      { INTEXURAOS_INTERNAL_AUTH_TOKEN: 'abc123def456' },
      /INTEXURAOS_INTERNAL_AUTH_TOKEN is 12 characters long; use at least 32/,
    ],
    [
      'with a PORT out of range',
      { INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN, PORT: '65536' },
      /PORT=65536 is not a TCP port/,
    ],
  ])('refuses to start %s: one line on stderr, exit 1', async (_name, env, reason) => {
    const exit = await runMain('notion-service', env).exit;
    expectRefusal(exit, 'notion-service', reason);
    expect(exit.stderr).not.toContain('abc123def456');
  });

  it('refuses with one line, no stack trace, a port in use and a HOST that is not this machine', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const busy = await runMain('notion-service', {
        INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN,
        PORT: String(port),
      }).exit;
      expectRefusal(
        busy,
        'notion-service',
        new RegExp(`127\\.0\\.0\\.1:${port} is already in use \\(PORT\\)`),
      );
    } finally {
      taken.close();
    }
    const foreign = await runMain('notion-service', {
      INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN,
      PORT: '0',
      HOST: '192.0.2.1',
    }).exit;
    expectRefusal(foreign, 'notion-service', /192\.0\.2\.1 is not an address of this machine \(HOST\)/);
  });

  it('starts in memory, answers /health and /ready, and exits 0 promptly on SIGTERM', async () => {
    const port = await freePort();
    const main = runMain('notion-service', { INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN, PORT: String(port) });
    expect(await untilAnswers(port)).toBe(200);
    expect(await untilAnswers(port, '/ready', 0)).toBe(200);
    const exit = await main.stop();
    expect(exit).toMatchObject({ code: 0, signal: null, stderr: '' });
    expect(exit.ms).toBeLessThan(3000);
  });

  it('with REDIS_URL keeps connections in Redis, and on SIGTERM closes its connection and exits 0', async () => {
    const redisServer = await startRedis();
    const admin = new Redis(redisServer.url);
    try {
      const port = await freePort();
      const main = runMain('notion-service', {
        INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN,
        PORT: String(port),
        REDIS_URL: redisServer.url,
      });
      expect(await untilAnswers(port)).toBe(200);
      const notion = createNotionServiceClient({
        baseUrl: `http://127.0.0.1:${port}`,
        credentials: { InternalAuth: TOKEN },
      });
      const connected = await notion.connectNotion({
        path: { userId: 'usr_main' },
        body: { token: 'secret_notion_main' },
      });
      expect(connected.ok).toBe(true);
      expect(await admin.get('notion:connection:usr_main')).toBe('secret_notion_main');
      expect(String(await admin.call('CLIENT', 'LIST'))).toContain('name=notion-service ');
      const exit = await main.stop();
      expect(exit).toMatchObject({ code: 0, signal: null, stderr: '' });
      expect(exit.ms).toBeLessThan(3000);
      expect(String(await admin.call('CLIENT', 'LIST'))).not.toContain('name=notion-service ');
    } finally {
      admin.disconnect();
      await redisServer.stop();
    }
  });
});
