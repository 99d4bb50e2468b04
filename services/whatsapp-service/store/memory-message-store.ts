import type { Message } from '../domain/message.js';
import { ExpiringMap } from './expiring-map.js';
import {
  DEFAULT_MESSAGE_TTL_MS,
  type IdempotencyRecord,
  type KeyClaim,
  type MessageStore,
} from './message-store.js';

/** Options of `memoryMessageStore`. */
export interface MemoryStoreOptions {
  /** How long messages are kept, in ms. Default 7 days. */
  messageTtlMs?: number;
  /** The clock, in epoch ms (tests move it). Default `Date.now`. */
  now?: () => number;
}

const holds = (record: IdempotencyRecord | undefined, claim: KeyClaim) =>
  record?.state === 'pending' &&
  record.messageId === claim.messageId &&
  record.fingerprint === claim.fingerprint;

/** The default store: Maps with expiry, lost on restart. Reservation is atomic: no await inside. */
export function memoryMessageStore(options: MemoryStoreOptions = {}): MessageStore {
  const messageTtlMs = options.messageTtlMs ?? DEFAULT_MESSAGE_TTL_MS;
  const keys = new ExpiringMap<IdempotencyRecord>(options.now);
  const messages = new ExpiringMap<Message>(options.now);
  return {
    reserveKey: async (key, claim, leaseMs) => {
      const existing = keys.get(key);
      if (existing !== undefined) return existing;
      keys.set(key, { state: 'pending', ...claim }, leaseMs);
      return null;
    },
    completeKey: async (key, claim, status, ttlMs) => {
      const existing = keys.get(key);
      if (existing === undefined || holds(existing, claim))
        keys.set(key, { state: 'done', ...claim, status }, ttlMs);
    },
    releaseKey: async (key, claim) => {
      if (holds(keys.get(key), claim)) keys.delete(key);
    },
    saveMessage: async (message) => messages.set(message.messageId, { ...message }, messageTtlMs),
    getMessage: async (messageId) => {
      const message = messages.get(messageId);
      return message === undefined ? null : { ...message };
    },
    setStatus: async (messageId, status) => {
      const message = messages.get(messageId);
      if (message !== undefined) messages.replace(messageId, { ...message, status });
    },
    ping: async () => true,
  };
}
