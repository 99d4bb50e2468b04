// Type-level cases for the generated `Handlers` interfaces and fakes, checked by `tsc --noEmit -p .`:
// handlers answer with `respond()`, only with documented statuses, each with its own body. Each
// `@ts-expect-error` pins its error as TS<code> `<part of the message>`, which
// test/unit/codegen/type-expectations.test.ts holds it to.
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
  // @ts-expect-error TS2345 `Argument of type '418' is not assignable to parameter of type '200 | 400 | 401 | 404 | 503'` undocumented
  respond(418, error);
export const undeclaredStatusAmongReturns: H['getLlmKeys'] = async ({ params }) => {
  if (params.uid === 'gone') return respond(404, error);
  if (params.uid === 'busy') return respond(503, error);
  // @ts-expect-error TS2345 `Argument of type '418' is not assignable to parameter of type '200 | 400 | 401 | 404 | 503'` in any return
  return respond(418, error);
};
export const wrongBody: H['getLlmKeys'] = async () => {
  // @ts-expect-error TS2345 `Argument of type '{ error: string; }' is not assignable to parameter of type '{ google: string | null;` not an Error
  return respond(200, error);
};
export const excessProperty: H['getLlmKeys'] = async () => {
  // @ts-expect-error TS2353 `'extra' does not exist in type '{ google: string | null;` dropped on the wire
  return respond(200, { ...keys, extra: 1 });
};
export const excessPropertyInLiteral: H['getLlmKeys'] = async ({ params }) => {
  if (params.uid === 'gone') return respond(404, error);
  // @ts-expect-error TS2353 `'lastUsedAt' does not exist in type '{ google: string | null;` not in the spec
  return respond(200, { google: null, openai: 'sk-1', anthropic: null, lastUsedAt: '2026-01-01' });
};
// @ts-expect-error TS2345 `Argument of type '200' is not assignable to parameter of type '"200 needs a body"'`
export const missingBody: H['getLlmKeys'] = () => respond(200);
// @ts-expect-error TS2345 `Argument of type '{ error: string; }' is not assignable to parameter of type 'undefined'`
export const bodyOn204: H['reportLlmKeyUsage'] = () => respond(204, error);
// @ts-expect-error TS2322 `Property '[builtByRespond]' is missing` a plain literal escapes the excess-property check
export const plainLiteral: H['getLlmKeys'] = () => ({ status: 200, body: keys });
// @ts-expect-error TS2339 `Property 'userId' does not exist on type '{ uid: string; }'`
export const unknownParam: H['getLlmKeys'] = (r) => respond(404, { error: r.params.userId });

/** Fake overrides are checked against the real client interface. */
export const fake = createFakeUserServiceClient({ getLlmKeys: async () => ok(keys) });
export const badFake = createFakeUserServiceClient({
  // @ts-expect-error TS2322 `Type 'number' is not assignable to type 'string'` an override answering the wrong body
  getLlmKeys: async () => ok({ google: 1, openai: null, anthropic: null }),
});
