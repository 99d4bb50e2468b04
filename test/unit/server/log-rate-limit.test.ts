import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorHandlerPlugin } from '../../../lib/server/error-handler-plugin.js';
import { logRateLimit } from '../../../lib/server/log-rate-limit.js';

describe('logRateLimit', () => {
  it('admits one line per key per interval and reports how many it dropped meanwhile', () => {
    let now = 0;
    const admit = logRateLimit({ intervalMs: 1000, now: () => now });
    expect(admit('503 store')).toEqual({ suppressed: 0 });
    expect(admit('503 other')).toEqual({ suppressed: 0 });
    for (let i = 0; i < 5; i++) expect(admit('503 store')).toBeUndefined();
    now = 999;
    expect(admit('503 store')).toBeUndefined();
    now = 1000;
    expect(admit('503 store')).toEqual({ suppressed: 6 });
    expect(admit('503 other')).toEqual({ suppressed: 0 });
    now = 5000;
    expect(admit('503 store')).toEqual({ suppressed: 0 });
  });

  it('forgets every window past maxKeys instead of growing', () => {
    const admit = logRateLimit({ maxKeys: 2, now: () => 0 });
    expect(admit('a')).toEqual({ suppressed: 0 });
    expect(admit('b')).toEqual({ suppressed: 0 });
    expect(admit('c')).toEqual({ suppressed: 0 });
    expect(admit('a')).toEqual({ suppressed: 0 });
    expect(admit('c')).toBeUndefined();
  });
});

describe('the error handler during an outage', () => {
  it('writes one warning for 50 refused requests, and the next one a second later counts the 49 dropped', async () => {
    const lines: { msg?: string; suppressed?: number; level?: number }[] = [];
    const app = Fastify({
      logger: { level: 'warn', stream: { write: (line: string) => void lines.push(JSON.parse(line)) } },
    });
    await app.register(errorHandlerPlugin);
    app.get('/x', async () => {
      throw Object.assign(new Error('store unavailable'), { name: 'StoreUnavailableError', statusCode: 503 });
    });
    try {
      const statuses = [];
      for (let i = 0; i < 50; i++) statuses.push((await app.inject({ url: '/x' })).statusCode);
      expect(statuses).toEqual(Array(50).fill(503));
      expect(lines.map((l) => l.msg)).toEqual(['Service temporarily unavailable']);
      await new Promise((r) => setTimeout(r, 1050));
      await app.inject({ url: '/x' });
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatchObject({ msg: 'Service temporarily unavailable', suppressed: 49 });
    } finally {
      await app.close();
    }
  });
});
