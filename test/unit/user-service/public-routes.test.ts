import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuthServiceClient } from '../../../generated/auth-service/client.js';
import { memoryUserStore } from '../../../services/user-service/store/memory-user-store.js';
import { freePort } from '../../helpers/redis-server.js';
import { SCHEDULING_ALLOWANCE_MS } from '../../helpers/timing.js';
import { type FakeAuthService, startFakeAuthService } from './fake-auth-service.js';
import { ADA, ADA_TOKEN, bearer, buildTestApp, GRACE, GRACE_TOKEN, internal } from './user-app.js';

let auth: FakeAuthService;
let app: FastifyInstance;
const store = memoryUserStore();
const ADA_PROFILE = { email: 'ada@example.com', displayName: 'Ada Lovelace' };

beforeAll(async () => {
  auth = await startFakeAuthService();
  auth.tokens.set(ADA_TOKEN, ADA);
  auth.tokens.set(GRACE_TOKEN, GRACE);
  app = await buildTestApp(auth.url, store);
});
afterAll(async () => {
  await app.close();
  await auth.close();
});
beforeEach(() => {
  auth.mode = 'verify';
});

const createUser = (headers: Record<string, string>, payload: unknown = ADA_PROFILE) =>
  app.inject({ method: 'POST', url: '/users', headers, payload: payload as Record<string, unknown> });
const setKey = (
  headers: Record<string, string>,
  url = '/users/usr_ada/llm-keys/openai',
  apiKey = 'sk-openai-0123',
) => app.inject({ method: 'PUT', url, headers, payload: { apiKey } });

/** Ada has a profile, whichever tests ran before: created now (201) or already (409 USER_EXISTS). */
async function ensureAda(): Promise<void> {
  const res = await createUser(bearer(ADA_TOKEN));
  if (res.statusCode === 201) return;
  expect(res.statusCode).toBe(409);
  expect(res.json().code).toBe('USER_EXISTS');
}

describe('POST /users', () => {
  it('creates the caller with the id and tenant of the token, then 409 for a second time', async () => {
    const res = await createUser({ ...bearer(ADA_TOKEN), 'x-correlation-id': 'corr-create-1' });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toEqual({
      id: 'usr_ada',
      tenantId: 'tnt_acme',
      ...ADA_PROFILE,
      createdAt: expect.any(String),
    });
    expect(Date.parse(user.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(auth.calls.at(-1)?.['x-correlation-id']).toBe('corr-create-1');
    const again = await createUser(bearer(ADA_TOKEN), { email: 'other@example.com', displayName: 'Ada' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: 'User already exists', code: 'USER_EXISTS' });
  });

  it('answers 409 when another user already has the email (case-insensitively)', async () => {
    await ensureAda();
    const res = await createUser(bearer(GRACE_TOKEN), { email: 'ADA@example.com', displayName: 'Grace' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('EMAIL_TAKEN');
  });

  it.each([
    ['an extra field', { ...ADA_PROFILE, id: 'usr_someone_else' }],
    ['a missing field', { email: 'x@example.com' }],
    ['a bad email', { email: 'not-an-email', displayName: 'X' }],
    ['an empty name', { email: 'x@example.com', displayName: '' }],
  ])('answers 400 for %s', async (_name, payload) => {
    const res = await createUser(bearer(GRACE_TOKEN), payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('BAD_REQUEST');
  });
});

describe('PUT /users/{uid}/llm-keys/{provider}', () => {
  it('stores the key, which the internal route then answers decrypted', async () => {
    await ensureAda();
    expect((await setKey(bearer(ADA_TOKEN))).statusCode).toBe(204);
    const keys = await app.inject({ url: '/internal/users/usr_ada/llm-keys', headers: internal });
    expect(keys.json()).toEqual({ google: null, openai: 'sk-openai-0123', anthropic: null });
    expect((await setKey(bearer(ADA_TOKEN), undefined, 'sk-openai-replaced')).statusCode).toBe(204);
    const replaced = await app.inject({ url: '/internal/users/usr_ada/llm-keys', headers: internal });
    expect(replaced.json().openai).toBe('sk-openai-replaced');
  });

  it('answers 403 when the uid is not the caller', async () => {
    const res = await setKey(bearer(GRACE_TOKEN), '/users/usr_ada/llm-keys/openai');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('answers 404 when the caller has no profile yet', async () => {
    const res = await setKey(bearer(GRACE_TOKEN), '/users/usr_grace/llm-keys/openai');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'User not found', code: 'USER_NOT_FOUND' });
  });

  it('answers 400 for an unknown provider, a short key or an extra field', async () => {
    expect((await setKey(bearer(ADA_TOKEN), '/users/usr_ada/llm-keys/mistral')).statusCode).toBe(400);
    expect((await setKey(bearer(ADA_TOKEN), undefined, 'short')).statusCode).toBe(400);
    const extra = await app.inject({
      method: 'PUT',
      url: '/users/usr_ada/llm-keys/openai',
      headers: bearer(ADA_TOKEN),
      payload: { apiKey: 'sk-openai-0123', note: 'x' },
    });
    expect(extra.statusCode).toBe(400);
  });
});

describe('BearerAuth against auth-service over HTTP', () => {
  it.each([
    ['missing', {}],
    ['not Bearer', { authorization: `Basic ${ADA_TOKEN}` }],
    ['empty', { authorization: 'Bearer ' }],
    ['malformed', { authorization: 'Bearer not a token' }],
    ['unknown to auth-service', bearer('eyJ.unknown.token')],
  ])('answers 401 {"error":"Unauthorized"} for a %s token', async (_name, headers) => {
    for (const res of [await createUser(headers), await setKey(headers)]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'Unauthorized' });
    }
  });

  it('does not call auth-service for a malformed header', async () => {
    const before = auth.calls.length;
    await createUser({ authorization: 'Bearer not a token' });
    expect(auth.calls.length).toBe(before);
  });

  it('answers 503 AUTH_UNAVAILABLE when auth-service answers 500', async () => {
    auth.mode = 'fail-500';
    for (const res of [await createUser(bearer(ADA_TOKEN)), await setKey(bearer(ADA_TOKEN))]) {
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        error: 'Authentication service temporarily unavailable',
        code: 'AUTH_UNAVAILABLE',
      });
    }
  });

  it('answers 503 AUTH_UNAVAILABLE when auth-service does not answer within authTimeoutMs', async () => {
    auth.mode = 'hang';
    const authTimeoutMs = 150;
    // One attempt: authTimeoutMs bounds each attempt, and the default client retries verifyToken (idempotent)
    // with a jittered backoff, which is the client's business and tested with it.
    const authClient = createAuthServiceClient({ baseUrl: auth.url, maxAttempts: 1 });
    const impatient = await buildTestApp(auth.url, store, { authTimeoutMs, authClient });
    const callsBefore = auth.calls.length;
    try {
      // A new app's first request pays a one-off setup cost (130–800 ms measured on a loaded 2-core machine)
      // that is not the auth timeout: pay it with a request that never reaches auth-service.
      expect(
        (await impatient.inject({ method: 'PUT', url: '/users/usr_ada/llm-keys/openai' })).statusCode,
      ).toBe(401);
      const started = performance.now();
      const res = await impatient.inject({
        method: 'PUT',
        url: '/users/usr_ada/llm-keys/openai',
        headers: bearer(ADA_TOKEN),
        payload: { apiKey: 'sk-openai-0123' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('AUTH_UNAVAILABLE');
      expect(performance.now() - started).toBeLessThan(authTimeoutMs + SCHEDULING_ALLOWANCE_MS);
      expect(auth.calls.length - callsBefore).toBe(1);
    } finally {
      await impatient.close();
    }
  });

  it('answers 503 AUTH_UNAVAILABLE when nothing listens at AUTH_SERVICE_URL', async () => {
    const down = await buildTestApp(`http://127.0.0.1:${await freePort()}`, store);
    try {
      const res = await down.inject({
        method: 'POST',
        url: '/users',
        headers: bearer(ADA_TOKEN),
        payload: ADA_PROFILE,
      });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        error: 'Authentication service temporarily unavailable',
        code: 'AUTH_UNAVAILABLE',
      });
    } finally {
      await down.close();
    }
  });
});
