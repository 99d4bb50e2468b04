import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeAuthServiceClient } from '../../../generated/auth-service/fake.js';
import { ok } from '../../../lib/client/index.js';
import { memoryUserStore } from '../../../services/user-service/store/memory-user-store.js';
import { ADA, ADA_TOKEN, bearer, buildTestApp, ENCRYPTION_KEY, GRACE, internal } from './user-app.js';

const API_KEY = 'sk-ant-api03-top-secret-value-0123456789';
const store = memoryUserStore();
// Whoever calls is the user the test names in `caller`.
let caller = ADA;
const authClient = createFakeAuthServiceClient({
  verifyToken: async () => ok({ valid: true as const, ...caller }),
});
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildTestApp('http://127.0.0.1:9', store, { authClient });
  for (const user of [ADA, GRACE]) {
    caller = user;
    const created = await app.inject({
      method: 'POST',
      url: '/users',
      headers: bearer(ADA_TOKEN),
      payload: { email: user.email, displayName: user.userId },
    });
    expect(created.statusCode).toBe(201);
    const stored = await app.inject({
      method: 'PUT',
      url: `/users/${user.userId}/llm-keys/anthropic`,
      headers: bearer(ADA_TOKEN),
      payload: { apiKey: `${API_KEY}-${user.userId}` },
    });
    expect(stored.statusCode).toBe(204);
  }
});
afterAll(() => app.close());

const keysOf = (uid: string) => app.inject({ url: `/internal/users/${uid}/llm-keys`, headers: internal });

describe('LLM keys at rest', () => {
  it('are stored sealed: neither the key, its encodings nor the encryption key appear in the store', async () => {
    const stored = JSON.stringify(await store.get(ADA.userId));
    expect(stored).toMatch(/"sealed":"v1\./);
    for (const secret of [
      API_KEY,
      Buffer.from(API_KEY).toString('base64'),
      Buffer.from(API_KEY).toString('hex'),
      ENCRYPTION_KEY.toString('hex'),
      ENCRYPTION_KEY.toString('base64'),
    ])
      expect(stored).not.toContain(secret);
    expect((await keysOf(ADA.userId)).json().anthropic).toBe(`${API_KEY}-${ADA.userId}`);
  });

  it('answers a generic 500 for a tampered key, never a wrong key or null', async () => {
    const sealed = (await store.get(GRACE.userId))?.llmKeys.anthropic?.sealed ?? '';
    expect(sealed).toMatch(/^v1\.[^.]+\.[^.]+\.[^.]+$/);
    expect((await keysOf(GRACE.userId)).json().anthropic).toBe(`${API_KEY}-${GRACE.userId}`);
    const [version, iv, tag, ciphertext = ''] = sealed.split('.');
    const flipped = `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;
    await store.setLlmKey(GRACE.userId, 'anthropic', [version, iv, tag, flipped].join('.'));
    const res = await keysOf(GRACE.userId);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'Internal Server Error', code: 'INTERNAL' });
  });

  it("does not open one user's sealed key copied into another user's record", async () => {
    const adas = (await store.get(ADA.userId))?.llmKeys.anthropic?.sealed ?? '';
    expect(adas).toMatch(/^v1\.[^.]+\.[^.]+\.[^.]+$/);
    await store.setLlmKey(GRACE.userId, 'anthropic', adas);
    expect((await keysOf(GRACE.userId)).statusCode).toBe(500);
  });
});
