import type { UserServiceHandlers } from '../../../generated/user-service/server.js';
import type { LlmKeyCipher } from '../crypto/llm-key-cipher.js';
import type { UserStore } from '../store/user-store.js';
import { internalHandlers } from './internal-handlers.js';
import { publicHandlers } from './public-handlers.js';

/** user-service's handlers over a user store; a store outage becomes 503 in the error handler. */
export function userHandlers(store: UserStore, cipher: LlmKeyCipher): UserServiceHandlers {
  return { ...internalHandlers(store, cipher), ...publicHandlers(store, cipher) };
}
