// Type-level cases for the generated clients, checked by `tsc --noEmit -p .` (never run): each
// `@ts-expect-error` proves the compiler rejects that misuse; the other lines must compile.
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

  // @ts-expect-error a path parameter of the wrong type
  await users.getLlmKeys({ path: { uid: 42 } });
  // @ts-expect-error a missing path parameter
  await users.getLlmKeys({ path: {} });
  // @ts-expect-error no input at all for an operation with a path parameter
  await users.getLlmKeys();
  // @ts-expect-error a path enum value the spec does not list
  await users.reportLlmKeyUsage({ path: { uid: 'u1', provider: 'mistral' } });
  // @ts-expect-error a missing required body field (displayName)
  await users.createUser({ body: { email: 'a@example.com' } });
  // @ts-expect-error a body field the spec does not declare
  await users.createUser({ body: { email: 'a@example.com', displayName: 'Ada', admin: true } });
  // @ts-expect-error a credential for a security scheme the spec does not have
  await users.getLlmKeys({ path: { uid: 'u1' } }, { credentials: { ApiKey: 'secret' } });
}

export async function resultNarrowing(users: UserServiceClient, notion: NotionServiceClient): Promise<void> {
  const r = await users.getLlmKeys({ path: { uid: 'u1' } });
  // @ts-expect-error `value` exists only once `r.ok` is checked
  void r.value;
  if (r.ok) {
    expectTypeOf(r.status).toEqualTypeOf<200>();
    expectTypeOf(r.value.google).toEqualTypeOf<string | null>();
  } else {
    expectTypeOf(r.error.code).toEqualTypeOf<ErrorCode>();
    // @ts-expect-error before narrowing on status the body may be a CallFailure's `unknown`
    void r.error.body.error;
    if (r.error.status === 404) {
      expectTypeOf(r.error.body).toEqualTypeOf<ErrorBody>();
      // @ts-expect-error the 404 body is the Error shape, not the success shape
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
