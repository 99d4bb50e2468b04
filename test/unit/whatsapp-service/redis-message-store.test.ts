import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, redisReady } from '../../../services/shared/redis-client.js';
import { redisMessageStore } from '../../../services/whatsapp-service/store/redis-message-store.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';
import {
  BODY,
  buildApp,
  type CountingSender,
  countingSender,
  getMessage,
  newKey,
  postMessage,
} from './helpers.js';
import { messageStoreContract } from './message-store-contract.js';

let server: RedisServer;
let redisA: Redis;
let redisB: Redis;
let appA: FastifyInstance;
let appB: FastifyInstance;
let sender: CountingSender;

beforeAll(async () => {
  server = await startRedis();
  redisA = createRedis(server.url, { name: 'whatsapp-test-a' });
  redisB = createRedis(server.url, { name: 'whatsapp-test-b' });
  expect(await redisReady(redisA)).toBe(true);
  expect(await redisReady(redisB)).toBe(true);
  // Two instances of the service on one Redis, each with its own client and in-flight map.
  const storeA = redisMessageStore(redisA);
  sender = countingSender(storeA, 100);
  appA = await buildApp({ store: storeA, sender, idempotency: { pollMs: 10 } });
  appB = await buildApp({ store: redisMessageStore(redisB), sender, idempotency: { pollMs: 10 } });
});
afterAll(async () => {
  await Promise.all([appA?.close(), appB?.close()]);
  redisA?.disconnect();
  redisB?.disconnect();
  await server?.stop();
});

describe('redisMessageStore against a real redis-server', () => {
  messageStoreContract((options) => redisMessageStore(redisA, options));
});

describe('whatsapp-service on Redis', () => {
  it('sends, replays from the first result, and keeps the key 24 h and the message 7 days', async () => {
    sender.sent.length = 0;
    const key = newKey();
    const first = await postMessage(appA, key);
    expect(first.statusCode).toBe(202);
    const { messageId } = first.json();
    expect(first.json()).toEqual({ messageId, status: 'sent', deduplicated: false });
    const replay = await postMessage(appB, key);
    expect(replay.json()).toEqual({ messageId, status: 'sent', deduplicated: true });
    expect((await getMessage(appB, messageId)).json()).toMatchObject({ ...BODY, messageId, status: 'sent' });
    expect(sender.sent).toHaveLength(1);
    const keyTtl = await redisA.pttl(`whatsapp:idempotency:${key}`);
    expect(keyTtl).toBeGreaterThan(24 * 3_600_000 - 60_000);
    expect(keyTtl).toBeLessThanOrEqual(24 * 3_600_000);
    expect(await redisA.pttl(`whatsapp:message:${messageId}`)).toBeGreaterThan(7 * 24 * 3_600_000 - 60_000);
    expect((await postMessage(appA, key, { ...BODY, text: 'other' })).statusCode).toBe(409);
  });

  it('sends exactly once for 20 concurrent requests with one key spread over two instances', async () => {
    sender.sent.length = 0;
    const key = newKey();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postMessage(i % 2 === 0 ? appA : appB, key)),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(20).fill(202));
    const bodies = answers.map((r) => r.json());
    expect(new Set(bodies.map((b) => b.messageId)).size).toBe(1);
    expect(bodies.filter((b) => !b.deduplicated)).toHaveLength(1);
    expect(sender.sent).toHaveLength(1);
  });

  it('answers an exact repeat 202 with the first result while another body with its key is in flight', async () => {
    sender.sent.length = 0;
    const key = newKey();
    const first = await postMessage(appA, key);
    expect(first.statusCode).toBe(202);
    // B reaches the in-flight map first and waits on Redis; A, identical to the first request, follows.
    const [other, repeat] = await Promise.all([
      postMessage(appA, key, { ...BODY, text: 'other' }),
      postMessage(appA, key),
    ]);
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(repeat.statusCode).toBe(202);
    expect(repeat.json()).toEqual({ ...first.json(), deduplicated: true });
    expect(sender.sent).toHaveLength(1);
  });

  it('answers 503 while Redis is down and recovers without a restart', async () => {
    await server.stop();
    try {
      const post = await postMessage(appA, newKey());
      expect(post.statusCode).toBe(503);
      expect(post.json()).toEqual({ error: 'Service temporarily unavailable', code: 'SERVICE_UNAVAILABLE' });
      const get = await getMessage(appA, 'msg_01HZX3K9QF7T');
      expect(get.statusCode).toBe(503);
      expect((await appA.inject({ url: '/ready' })).statusCode).toBe(503);
    } finally {
      await server.restart();
    }
    let status = 0;
    for (let i = 0; i < 40 && status !== 202; i++) {
      status = (await postMessage(appA, newKey())).statusCode;
      if (status !== 202) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(202);
    expect((await appA.inject({ url: '/ready' })).statusCode).toBe(200);
  });
});
