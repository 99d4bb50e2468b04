import type { UserRecord, UserStore } from './user-store.js';

/** The default store: Maps, lost on restart. Records are copied in and out, never shared. */
export function memoryUserStore(): UserStore {
  const records = new Map<string, UserRecord>();
  const emails = new Set<string>();
  return {
    create: async (user) => {
      if (records.has(user.id)) return 'user-exists';
      const email = user.email.toLowerCase();
      if (emails.has(email)) return 'email-taken';
      emails.add(email);
      records.set(user.id, { user: { ...user }, llmKeys: {}, oauth: {} });
      return 'created';
    },
    get: async (uid) => {
      const record = records.get(uid);
      return record === undefined ? null : structuredClone(record);
    },
    setLlmKey: async (uid, provider, sealed) => {
      const record = records.get(uid);
      if (record !== undefined) record.llmKeys[provider] = { sealed, lastUsedAt: null };
      return record !== undefined;
    },
    touchLlmKey: async (uid, provider, at) => {
      const record = records.get(uid);
      if (record === undefined) return 'no-user';
      const key = record.llmKeys[provider];
      if (key === undefined) return 'no-key';
      key.lastUsedAt = at;
      return 'recorded';
    },
    setOAuthToken: async (uid, provider, token) => {
      const record = records.get(uid);
      if (record !== undefined) record.oauth[provider] = { ...token };
      return record !== undefined;
    },
    ping: async () => true,
  };
}
