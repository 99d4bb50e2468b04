import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWhatsappServiceClient } from '../../generated/index.js';
import { createTransport, type Transport } from '../../lib/client/index.js';
import { type RedisServer, startRedis } from '../helpers/redis-server.js';
import { expectCleanProcess } from './helpers/hygiene.js';
import { tally } from './helpers/load.js';
import { type ServiceProcess, startService } from './helpers/service-process.js';

const TOKEN = randomBytes(32).toString('hex');
/** Rounds, each with a fresh Idempotency-Key sent this many times at once, spread over the replicas. */
const ROUNDS = 10;
const SENDS_PER_KEY = 12;

let redis: RedisServer;
let inspect: Redis;
const replicas: ServiceProcess[] = [];
let transport: Transport;

beforeAll(async () => {
  redis = await startRedis();
  inspect = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  const env = { REDIS_URL: redis.url, INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN, LOG_LEVEL: 'info' };
  replicas.push(...(await Promise.all([0, 1, 2].map(() => startService('whatsapp-service', env)))));
  transport = createTransport();
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await transport?.close();
  inspect?.disconnect();
  await redis?.stop();
});
expectCleanProcess();

describe('chaos: three whatsapp-service replicas on one Redis', () => {
  it('sends exactly once per Idempotency-Key under concurrent sends spread over the replicas; every repeat is 202 with the same messageId', async () => {
    // One generated client per replica, so every round reaches all three at once with the same key; each retries
    // a 503 IDEMPOTENCY_KEY_IN_PROGRESS (another replica holds the key) after its Retry-After, as any caller would.
    const retried: string[] = [];
    const clients = replicas.map((r) =>
      createWhatsappServiceClient({
        baseUrl: r.url,
        credentials: { InternalAuth: TOKEN },
        transport,
        resilience: { onEvent: (e) => void (e.type === 'retry' && retried.push(e.reason)) },
      }),
    );
    for (let round = 0; round < ROUNDS; round++) {
      const key = `replicas-key-${round}-${randomBytes(4).toString('hex')}`;
      const body = { userId: 'usr_wa', to: '+447700900123', text: `round ${round}` };
      const results = await Promise.all(
        Array.from({ length: SENDS_PER_KEY }, (_, i) =>
          (clients[i % clients.length] as (typeof clients)[number]).sendMessage({
            headers: { 'Idempotency-Key': key },
            body,
          }),
        ),
      );
      expect(tally(results.map((r) => (r.ok ? String(r.status) : r.error.code)))).toEqual({
        '202': SENDS_PER_KEY,
      });
      const ids = new Set(results.map((r) => (r.ok ? r.value.messageId : '')));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => r.ok && r.value.deduplicated === false)).toHaveLength(1);
      // Exactly one message stored for the key, whichever replica took it.
      const [id] = ids;
      expect(await inspect.exists(`whatsapp:message:${id}`)).toBe(1);
    }
    console.log(
      `[chaos whatsapp] ${ROUNDS} keys × ${SENDS_PER_KEY} concurrent sends over 3 replicas: ${ROUNDS} messages; retries ${JSON.stringify(tally(retried))}`,
    );
    expect(await inspect.keys('whatsapp:message:*')).toHaveLength(ROUNDS);
    expect(await inspect.keys('whatsapp:idempotency:*')).toHaveLength(ROUNDS);
  }, 60_000);
});
