import { respond } from 'switchboard/server';
import type { UserServiceHandlers } from '../../../generated/user-service/server.js';
import type { LlmKeyCipher } from '../crypto/llm-key-cipher.js';
import { LLM_PROVIDERS, type LlmKeys, llmKeyContext } from '../domain/user.js';
import type { UserRecord, UserStore } from '../store/user-store.js';

const USER_NOT_FOUND = { error: 'User not found', code: 'USER_NOT_FOUND' };

/**
 * The `/internal/users/...` handlers (InternalAuth). A key that does not decrypt is a 500 (logged), never a
 * silent null: it means tampering or a wrong LLM_KEYS_ENCRYPTION_KEY.
 */
export function internalHandlers(
  store: UserStore,
  cipher: LlmKeyCipher,
): Pick<UserServiceHandlers, 'getLlmKeys' | 'reportLlmKeyUsage' | 'getOAuthToken'> {
  return {
    getLlmKeys: async ({ params }) => {
      const record = await store.get(params.uid);
      if (record === null) return respond(404, USER_NOT_FOUND);
      return respond(200, decryptAll(record, cipher));
    },
    reportLlmKeyUsage: async ({ params }) => {
      const outcome = await store.touchLlmKey(params.uid, params.provider, new Date().toISOString());
      if (outcome === 'recorded') return respond(204);
      if (outcome === 'no-user') return respond(404, USER_NOT_FOUND);
      return respond(404, {
        error: `No key stored for provider '${params.provider}'`,
        code: 'LLM_KEY_NOT_FOUND',
      });
    },
    getOAuthToken: async ({ params }) => {
      const record = await store.get(params.uid);
      if (record === null) return respond(404, USER_NOT_FOUND);
      const token = record.oauth[params.provider];
      if (token !== undefined) return respond(200, token);
      return respond(404, {
        error: `User has not connected '${params.provider}'`,
        code: 'OAUTH_NOT_CONNECTED',
      });
    },
  };
}

function decryptAll(record: UserRecord, cipher: LlmKeyCipher): LlmKeys {
  const keys: LlmKeys = { google: null, openai: null, anthropic: null };
  for (const provider of LLM_PROVIDERS) {
    const stored = record.llmKeys[provider];
    if (stored !== undefined)
      keys[provider] = cipher.open(stored.sealed, llmKeyContext(record.user.id, provider));
  }
  return keys;
}
