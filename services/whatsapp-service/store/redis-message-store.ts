import type { Redis } from 'ioredis';
import { viaRedis } from '../../shared/redis-client.js';
import type { Message } from '../domain/message.js';
import { decodeRecord, encodeDone, encodePending } from './idempotency-record-codec.js';
import { DEFAULT_MESSAGE_TTL_MS, type MessageStore } from './message-store.js';

const keyOf = (key: string) => `whatsapp:idempotency:${key}`;
const messageOf = (messageId: string) => `whatsapp:message:${messageId}`;

/** Writes ARGV[2] for ARGV[3] ms when the key still holds our pending record ARGV[1], or nothing. */
const COMPLETE = `local v = redis.call('GET', KEYS[1])
if v == false or v == ARGV[1] then return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
return false`;
/** Deletes the key only while it holds our pending record ARGV[1]. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Options of `redisMessageStore`. */
export interface RedisStoreOptions {
  /** How long messages are kept, in ms. Default 7 days. */
  messageTtlMs?: number;
}

/**
 * Messages (`whatsapp:message:<id>`, JSON) and Idempotency-Key records (`whatsapp:idempotency:<key>`) in
 * Redis. A key is reserved with `SET NX PX` (a pending marker with a lease); completing and releasing are
 * Lua compare-and-set scripts, so a caller never overwrites a claim that is not its own.
 */
export function redisMessageStore(redis: Redis, options: RedisStoreOptions = {}): MessageStore {
  const messageTtlMs = options.messageTtlMs ?? DEFAULT_MESSAGE_TTL_MS;
  const getMessage = async (messageId: string): Promise<Message | null> => {
    const raw = await redis.get(messageOf(messageId));
    return raw === null ? null : (JSON.parse(raw) as Message); // written only by saveMessage/setStatus
  };
  return {
    reserveKey: (key, claim, leaseMs) =>
      viaRedis(async () => {
        // The GET can find nothing if the other claim lapsed or was released in between: try again.
        for (let attempt = 0; attempt < 3; attempt++) {
          if ((await redis.set(keyOf(key), encodePending(claim), 'PX', leaseMs, 'NX')) === 'OK') return null;
          const raw = await redis.get(keyOf(key));
          if (raw !== null) return decodeRecord(raw);
        }
        throw new Error(`idempotency key ${key} kept changing`);
      }),
    completeKey: (key, claim, status, ttlMs) =>
      viaRedis(async () => {
        await redis.eval(COMPLETE, 1, keyOf(key), encodePending(claim), encodeDone(claim, status), ttlMs);
      }),
    releaseKey: (key, claim) =>
      viaRedis(async () => {
        await redis.eval(RELEASE, 1, keyOf(key), encodePending(claim));
      }),
    saveMessage: (message) =>
      viaRedis(async () => {
        await redis.set(messageOf(message.messageId), JSON.stringify(message), 'PX', messageTtlMs);
      }),
    getMessage: (messageId) => viaRedis(() => getMessage(messageId)),
    setStatus: (messageId, status) =>
      viaRedis(async () => {
        const message = await getMessage(messageId);
        if (message !== null)
          await redis.set(messageOf(messageId), JSON.stringify({ ...message, status }), 'KEEPTTL', 'XX');
      }),
    ping: () => viaRedis(async () => (await redis.ping()) === 'PONG').catch(() => false),
  };
}
