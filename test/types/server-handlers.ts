// Type-level cases for the generated `Handlers` interfaces and fakes, checked by `tsc --noEmit -p .`:
// handlers answer with `respond()`, only with documented statuses, each with its own body.
import { expectTypeOf } from 'vitest';
import { createFakeUserServiceClient } from '../../generated/user-service/fake.js';
import type { UserServiceHandlers } from '../../generated/user-service/server.js';
import { ok } from '../../lib/client/index.js';
import { respond } from '../../lib/server/index.js';

type H = UserServiceHandlers;
const error = { error: 'nope' };
const keys = { google: null, openai: 'sk-1', anthropic: null };

/** A complete, valid set of handlers. */
export const handlers: UserServiceHandlers = {
  getLlmKeys: ({ params }) => (params.uid === 'gone' ? respond(404, error) : respond(200, keys)),
  reportLlmKeyUsage: async ({ params }) => {
    expectTypeOf(params.provider).toEqualTypeOf<'google' | 'openai' | 'anthropic'>();
    return respond(204);
  },
  getOAuthToken: () => respond(503, { error: 'down', code: 'UNAVAILABLE' }),
  createUser: ({ body }) =>
    respond(201, {
      id: 'u1',
      email: body.email,
      displayName: body.displayName,
      tenantId: 't1',
      createdAt: '2026-01-01T00:00:00Z',
    }),
  setLlmKey: ({ body }) => {
    expectTypeOf(body.apiKey).toEqualTypeOf<string>();
    return respond(204, undefined, { 'x-stored': 'yes' });
  },
};

export const undeclaredStatus: H['getLlmKeys'] = () =>
  // @ts-expect-error 418 is not a status getLlmKeys documents
  respond(418, error);
export const wrongBody: H['getLlmKeys'] = async () => {
  // @ts-expect-error the 200 body must be the keys, not an Error
  return respond(200, error);
};
export const excessProperty: H['getLlmKeys'] = async () => {
  // @ts-expect-error the 200 body has no `extra`: it would be dropped on the wire
  return respond(200, { ...keys, extra: 1 });
};
// @ts-expect-error a 200 needs its body
export const missingBody: H['getLlmKeys'] = () => respond(200);
// @ts-expect-error a 204 has no body
export const bodyOn204: H['reportLlmKeyUsage'] = () => respond(204, error);
// @ts-expect-error a plain object literal is not checked for excess properties, so it is refused
export const plainLiteral: H['getLlmKeys'] = () => ({ status: 200, body: keys });
// @ts-expect-error the path has `uid`, not `userId`
export const unknownParam: H['getLlmKeys'] = (r) => respond(404, { error: r.params.userId });

/** Fake overrides are checked against the real client interface. */
export const fake = createFakeUserServiceClient({ getLlmKeys: async () => ok(keys) });
// @ts-expect-error an override answering a body of the wrong shape
export const badFake = createFakeUserServiceClient({ getLlmKeys: async () => ok({ google: 1 }) });
