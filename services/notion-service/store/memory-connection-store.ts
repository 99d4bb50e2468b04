import type { ConnectionStore } from './connection-store.js';

/** The default store: a Map, lost on restart. */
export function memoryConnectionStore(): ConnectionStore {
  const tokens = new Map<string, string>();
  return {
    get: async (userId) => tokens.get(userId) ?? null,
    set: async (userId, token) => void tokens.set(userId, token),
    delete: async (userId) => void tokens.delete(userId),
    ping: async () => true,
  };
}
