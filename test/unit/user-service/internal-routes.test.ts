import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmKeyCipher } from '../../../services/user-service/crypto/llm-key-cipher.js';
import { llmKeyContext } from '../../../services/user-service/domain/user.js';
import { memoryUserStore } from '../../../services/user-service/store/memory-user-store.js';
import { freePort } from '../../helpers/redis-server.js';
import {
  ADA,
  buildTestApp,
  ENCRYPTION_KEY,
  INTERNAL_TOKEN,
  internal,
  NEXT_INTERNAL_TOKEN,
  ROTATED_OUT_TOKEN,
} from './user-app.js';

const store = memoryUserStore();
const cipher = createLlmKeyCipher(ENCRYPTION_KEY);
const TOKEN = { accessToken: 'ya29.a0-access-token', tokenType: 'Bearer', expiresAt: '2030-01-01T00:00:00Z' };
let app: FastifyInstance;

beforeAll(async () => {
  // Internal routes never call auth-service: point it at a closed port.
  app = await buildTestApp(`http://127.0.0.1:${await freePort()}`, store);
  const user = { id: ADA.userId, email: ADA.email, displayName: 'Ada', tenantId: ADA.tenantId };
  await store.create({ ...user, createdAt: '2025-06-01T12:00:00.000Z' });
  await store.create({
    ...user,
    id: 'usr_empty',
    email: 'empty@example.com',
    createdAt: '2025-06-01T12:00:00.000Z',
  });
  await store.setLlmKey(
    ADA.userId,
    'google',
    cipher.seal('AIza-google-key-123', llmKeyContext(ADA.userId, 'google')),
  );
  await store.setLlmKey(
    ADA.userId,
    'anthropic',
    cipher.seal('sk-ant-key-456', llmKeyContext(ADA.userId, 'anthropic')),
  );
  await store.setOAuthToken(ADA.userId, 'google', TOKEN);
});
afterAll(() => app.close());

const get = (url: string, headers: Record<string, string> = internal) =>
  app.inject({ method: 'GET', url, headers });
const post = (url: string, headers: Record<string, string> = internal) =>
  app.inject({ method: 'POST', url, headers });

describe('GET /internal/users/{uid}/llm-keys', () => {
  it('answers every provider decrypted, null where not configured', async () => {
    const res = await get('/internal/users/usr_ada/llm-keys');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ google: 'AIza-google-key-123', openai: null, anthropic: 'sk-ant-key-456' });
    expect((await get('/internal/users/usr_empty/llm-keys')).json()).toEqual({
      google: null,
      openai: null,
      anthropic: null,
    });
  });

  it('answers 404 for an unknown user and 400 for an invalid uid', async () => {
    const res = await get('/internal/users/usr_nobody/llm-keys');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'User not found', code: 'USER_NOT_FOUND' });
    expect((await get('/internal/users/bad%20id/llm-keys')).statusCode).toBe(400);
  });
});

describe('POST /internal/users/{uid}/llm-keys/{provider}/last-used', () => {
  it('records the usage time, again on a retry', async () => {
    const before = new Date().toISOString();
    expect((await post('/internal/users/usr_ada/llm-keys/google/last-used')).statusCode).toBe(204);
    const first = (await store.get(ADA.userId))?.llmKeys.google?.lastUsedAt ?? '';
    expect(first >= before).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    expect((await post('/internal/users/usr_ada/llm-keys/google/last-used')).statusCode).toBe(204);
    expect(((await store.get(ADA.userId))?.llmKeys.google?.lastUsedAt ?? '') > first).toBe(true);
    expect((await store.get(ADA.userId))?.llmKeys.anthropic?.lastUsedAt).toBeNull();
  });

  it('answers 404 for an unknown user or a provider without a key', async () => {
    const noUser = await post('/internal/users/usr_nobody/llm-keys/google/last-used');
    expect(noUser.statusCode).toBe(404);
    expect(noUser.json().code).toBe('USER_NOT_FOUND');
    const noKey = await post('/internal/users/usr_ada/llm-keys/openai/last-used');
    expect(noKey.statusCode).toBe(404);
    expect(noKey.json()).toEqual({ error: "No key stored for provider 'openai'", code: 'LLM_KEY_NOT_FOUND' });
  });

  it('answers 400 for an unknown provider', async () => {
    const res = await post('/internal/users/usr_ada/llm-keys/mistral/last-used');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('BAD_REQUEST');
  });
});

describe('GET /internal/users/{uid}/oauth/{provider}/token', () => {
  it('answers the stored token', async () => {
    const res = await get('/internal/users/usr_ada/oauth/google/token');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(TOKEN);
  });

  it('answers 404 when not connected or no such user, 400 for an unknown provider', async () => {
    const notConnected = await get('/internal/users/usr_empty/oauth/google/token');
    expect(notConnected.statusCode).toBe(404);
    expect(notConnected.json()).toEqual({
      error: "User has not connected 'google'",
      code: 'OAUTH_NOT_CONNECTED',
    });
    expect((await get('/internal/users/usr_nobody/oauth/google/token')).json().code).toBe('USER_NOT_FOUND');
    expect((await get('/internal/users/usr_ada/oauth/github/token')).statusCode).toBe(400);
  });
});

describe('internal auth on every internal route', () => {
  const routes = [
    ['GET', '/internal/users/usr_ada/llm-keys'],
    ['POST', '/internal/users/usr_ada/llm-keys/google/last-used'],
    ['GET', '/internal/users/usr_ada/oauth/google/token'],
  ] as const;

  it.each(routes)('%s %s accepts both tokens of a rotation', async (method, url) => {
    for (const token of [INTERNAL_TOKEN, NEXT_INTERNAL_TOKEN]) {
      const res = await app.inject({ method, url, headers: { 'x-internal-auth': token } });
      expect(res.statusCode).toBeLessThan(300);
    }
  });

  const bad: [string, Record<string, string>][] = [
    ['missing', {}],
    ['wrong', { 'x-internal-auth': `${INTERNAL_TOKEN.slice(0, -1)}X` }],
    ['odd-length', { 'x-internal-auth': `${INTERNAL_TOKEN}0` }],
    ['rotated-out', { 'x-internal-auth': ROTATED_OUT_TOKEN }],
    ['a user bearer instead of the', { authorization: `Bearer ${INTERNAL_TOKEN}` }],
  ];
  for (const [method, url] of routes) {
    it.each(bad)(`${method} ${url}: 401 for a %s token`, async (_name, headers) => {
      const res = await app.inject({ method, url, headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'Unauthorized' });
    });
  }
});
