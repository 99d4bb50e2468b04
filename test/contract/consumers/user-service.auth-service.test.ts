// user-service as a consumer of auth-service (verifyToken, through the Bearer authenticator on its public
// routes), against a Prism mock.
import { randomBytes } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { authServiceSpec, createAuthServiceClient } from '../../../generated/auth-service/client.js';
import { type PrismScenario, prefer } from '../../../lib/contract/prism/index.js';
import { buildUserApp } from '../../../services/user-service/app.js';
import { memoryUserStore } from '../../../services/user-service/store/memory-user-store.js';
import { preferCode, prismViolations, usePrism } from '../../helpers/prism.js';
import { documentedErrors } from './documented-errors.js';

const mocks = usePrism(['auth-service']);
const auth = (scenario: PrismScenario = {}) =>
  createAuthServiceClient({ baseUrl: mocks.url('auth-service'), headers: prefer(scenario) });
const bearer = { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfN2YzYTljIn0.c2ln' };
const createUser = {
  method: 'POST',
  url: '/users',
  headers: bearer,
  payload: { email: 'ada@example.com', displayName: 'Ada Lovelace' },
} as const;

/** user-service over an in-memory store, verifying bearer tokens with the auth-service mock. */
async function userServiceOnPrism(scenario: PrismScenario = {}) {
  const app = await buildUserApp({
    store: memoryUserStore(),
    internalTokens: ['C0ntract-test-internal-token-0123456789abcdef'],
    encryptionKey: randomBytes(32),
    authClient: auth(scenario),
    logger: false,
  });
  onTestFinished(() => app.close());
  return app;
}

describe('happy path from the examples', () => {
  it("creates the profile of auth-service's example user (id and tenant from the verified token)", async () => {
    const app = await userServiceOnPrism();
    const res = await app.inject(createUser);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      id: 'usr_7f3a9c',
      tenantId: 'tnt_acme',
      email: 'ada@example.com',
      displayName: 'Ada Lovelace',
    });
  });
});

describe('every documented error status maps to its Result code', () => {
  it.each(documentedErrors(authServiceSpec, 'verifyToken'))('verifyToken %i → %s', async (status, code) => {
    const r = await auth().verifyToken({ body: { token: 'a.b.c' } }, { headers: preferCode(status) });
    expect(r.ok ? undefined : r.error).toMatchObject({ kind: 'http', status, code });
  });

  it.each([
    [{ code: 401, example: 'invalid' }, 401],
    [{ code: 401, example: 'expired' }, 401],
    [{ code: 401, example: 'revoked' }, 401],
    [{ code: 400 }, 401],
    [{ code: 503 }, 503],
  ])('auth-service answering %o: POST /users gets %i', async (scenario, expected) => {
    const app = await userServiceOnPrism(scenario);
    const res = await app.inject(createUser);
    expect(res.statusCode).toBe(expected);
    expect(res.json()).toEqual(
      expected === 401
        ? { error: 'Unauthorized' }
        : { error: 'Authentication service temporarily unavailable', code: 'AUTH_UNAVAILABLE' },
    );
  });
});

describe("requests the spec forbids are caught by Prism's validation", () => {
  it('a token of the wrong type: 400 BAD_REQUEST naming the field', async () => {
    const r = await auth().verifyToken({ body: { token: 42 as unknown as string } });
    expect(r.ok ? undefined : r.error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    if (!r.ok && r.error.kind === 'http')
      expect(prismViolations(r.error.headers)).toEqual([expect.objectContaining({ code: 'type' })]);
  });

  it('a token over its maxLength: 400 BAD_REQUEST', async () => {
    const r = await auth().verifyToken({ body: { token: 'x'.repeat(8193) } });
    expect(r.ok ? undefined : r.error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });
});
