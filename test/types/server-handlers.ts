// Type-level cases for the generated `Handlers` interfaces and fakes, checked by `tsc --noEmit -p .`:
// handlers may answer only documented statuses, each with its own body.
import { expectTypeOf } from 'vitest';
import { createFakeUserServiceClient } from '../../generated/user-service/fake.js';
import type { UserServiceHandlers } from '../../generated/user-service/server.js';
import { ok } from '../../lib/client/index.js';

type H = UserServiceHandlers;
const error = { error: 'nope' };
const keys = { google: null, openai: 'sk-1', anthropic: null };

/** A complete, valid set of handlers. */
export const handlers: UserServiceHandlers = {
  getLlmKeys: ({ params }) =>
    params.uid === 'gone' ? { status: 404, body: error } : { status: 200, body: keys },
  reportLlmKeyUsage: async ({ params }) => {
    expectTypeOf(params.provider).toEqualTypeOf<'google' | 'openai' | 'anthropic'>();
    return { status: 204 };
  },
  getOAuthToken: () => ({ status: 503, body: { error: 'down', code: 'UNAVAILABLE' } }),
  createUser: ({ body }) => ({
    status: 201,
    body: {
      id: 'u1',
      email: body.email,
      displayName: body.displayName,
      tenantId: 't1',
      createdAt: '2026-01-01T00:00:00Z',
    },
  }),
  setLlmKey: ({ body }) => {
    expectTypeOf(body.apiKey).toEqualTypeOf<string>();
    return { status: 204, headers: { 'x-stored': 'yes' } };
  },
};

// @ts-expect-error 418 is not a status getLlmKeys documents
export const undeclaredStatus: H['getLlmKeys'] = () => ({ status: 418, body: error });
// @ts-expect-error the 200 body must be the keys, not an Error
export const wrongBody: H['getLlmKeys'] = () => ({ status: 200, body: error });
// @ts-expect-error a 200 needs its body
export const missingBody: H['getLlmKeys'] = () => ({ status: 200 });
// @ts-expect-error a 204 has no body
export const bodyOn204: H['reportLlmKeyUsage'] = () => ({ status: 204, body: error });
// @ts-expect-error the path has `uid`, not `userId`
export const unknownParam: H['getLlmKeys'] = (r) => ({ status: 404, body: { error: r.params.userId } });

/** Fake overrides are checked against the real client interface. */
export const fake = createFakeUserServiceClient({ getLlmKeys: async () => ok(keys) });
// @ts-expect-error an override answering a body of the wrong shape
export const badFake = createFakeUserServiceClient({ getLlmKeys: async () => ok({ google: 1 }) });
