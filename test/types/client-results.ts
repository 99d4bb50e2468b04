// Type-level cases for the generated clients, checked by `tsc --noEmit -p .` (never run): each
// `@ts-expect-error` proves the compiler rejects that misuse; the other lines must compile. Each directive
// pins its error as TS<code> `<part of the message>`, which test/unit/codegen/type-expectations.test.ts
// holds it to, so an unrelated error on that line cannot satisfy it.
import { expectTypeOf } from 'vitest';
import type { NotionServiceClient } from '../../generated/notion-service/client.js';
import type { UserServiceClient } from '../../generated/user-service/client.js';
import type { CallFailure, ErrorCode } from '../../lib/client/index.js';

type ErrorBody = { error: string; code?: string };

export async function callInputs(users: UserServiceClient): Promise<void> {
  await users.getLlmKeys({ path: { uid: 'u1' } });
  await users.reportLlmKeyUsage({ path: { uid: 'u1', provider: 'openai' } });
  await users.createUser(
    { body: { email: 'a@example.com', displayName: 'Ada' } },
    { credentials: { BearerAuth: 'jwt' } },
  );

  // @ts-expect-error TS2322 `Type 'number' is not assignable to type 'string'` a path parameter of the wrong type
  await users.getLlmKeys({ path: { uid: 42 } });
  // @ts-expect-error TS2741 `Property 'uid' is missing` a missing path parameter
  await users.getLlmKeys({ path: {} });
  // @ts-expect-error TS2554 `Expected 1-2 arguments, but got 0` no input for an operation with a path parameter
  await users.getLlmKeys();
  // @ts-expect-error TS2322 `Type '"mistral"' is not assignable` a path enum value the spec does not list
  await users.reportLlmKeyUsage({ path: { uid: 'u1', provider: 'mistral' } });
  // @ts-expect-error TS2741 `Property 'displayName' is missing` a missing required body field
  await users.createUser({ body: { email: 'a@example.com' } });
  // @ts-expect-error TS2353 `'admin' does not exist in type` a body field the spec does not declare
  await users.createUser({ body: { email: 'a@example.com', displayName: 'Ada', admin: true } });
  // @ts-expect-error TS2353 `'ApiKey' does not exist in type` a credential for a scheme the spec lacks
  await users.getLlmKeys({ path: { uid: 'u1' } }, { credentials: { ApiKey: 'secret' } });
}

export async function resultNarrowing(users: UserServiceClient, notion: NotionServiceClient): Promise<void> {
  const r = await users.getLlmKeys({ path: { uid: 'u1' } });
  // @ts-expect-error TS2339 `Property 'value' does not exist on type 'GetLlmKeysResult'` only once r.ok is checked
  void r.value;
  if (r.ok) {
    expectTypeOf(r.status).toEqualTypeOf<200>();
    expectTypeOf(r.value.google).toEqualTypeOf<string | null>();
  } else {
    expectTypeOf(r.error.code).toEqualTypeOf<ErrorCode>();
    // @ts-expect-error TS18046 `'r.error.body' is of type 'unknown'` until the status is narrowed
    void r.error.body.error;
    if (r.error.status === 404) {
      expectTypeOf(r.error.body).toEqualTypeOf<ErrorBody>();
      // @ts-expect-error TS2339 `Property 'google' does not exist on type '{ error: string; code?: string; }'` 404 is an Error
      void r.error.body.google;
    }
    if (r.error.status === undefined) expectTypeOf(r.error).toEqualTypeOf<CallFailure>();
  }

  const empty = await users.reportLlmKeyUsage({ path: { uid: 'u1', provider: 'google' } });
  if (empty.ok) expectTypeOf(empty).toMatchTypeOf<{ status: 204; value: undefined }>();

  const context = await notion.getNotionContext({ path: { userId: 'u1' } });
  if (context.ok && context.value.connected) expectTypeOf(context.value.token).toEqualTypeOf<string>();
  if (context.ok && !context.value.connected) expectTypeOf(context.value.token).toEqualTypeOf<null>();
}
