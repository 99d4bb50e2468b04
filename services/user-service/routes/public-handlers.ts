import { respond } from 'switchboard/server';
import type { UserServiceHandlers } from '../../../generated/user-service/server.js';
import { verifiedUser } from '../../shared/verified-user.js';
import type { LlmKeyCipher } from '../crypto/llm-key-cipher.js';
import { llmKeyContext, type User } from '../domain/user.js';
import type { UserStore } from '../store/user-store.js';

const CONFLICT = {
  'user-exists': { error: 'User already exists', code: 'USER_EXISTS' },
  'email-taken': { error: 'A user with this email already exists', code: 'EMAIL_TAKEN' },
} as const;

/** The public handlers (BearerAuth): the verified user may create their own profile and set their own keys. */
export function publicHandlers(
  store: UserStore,
  cipher: LlmKeyCipher,
): Pick<UserServiceHandlers, 'createUser' | 'setLlmKey'> {
  return {
    createUser: async ({ body, principal }) => {
      const caller = verifiedUser(principal);
      const user: User = {
        id: caller.userId,
        email: body.email,
        displayName: body.displayName,
        tenantId: caller.tenantId,
        createdAt: new Date().toISOString(),
      };
      const outcome = await store.create(user);
      if (outcome === 'created') return respond(201, user);
      return respond(409, CONFLICT[outcome]);
    },
    setLlmKey: async ({ params, body, principal }) => {
      if (params.uid !== verifiedUser(principal).userId)
        return respond(403, { error: 'You may only set your own keys', code: 'FORBIDDEN' });
      const sealed = cipher.seal(body.apiKey, llmKeyContext(params.uid, params.provider));
      if (await store.setLlmKey(params.uid, params.provider, sealed)) return respond(204);
      return respond(404, { error: 'User not found', code: 'USER_NOT_FOUND' });
    },
  };
}
