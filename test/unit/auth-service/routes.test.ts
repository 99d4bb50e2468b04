import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../../services/auth-service/domain/tokens.js';
import { memoryRevocationStore } from '../../../services/auth-service/store/memory-revocation-store.js';
import { ADA, authApp, INTERNAL, ROTATED_OUT, revoke, SETTINGS, verify } from './auth-test-setup.js';

const store = memoryRevocationStore();
let app: FastifyInstance;
beforeAll(async () => {
  app = await authApp(store);
});
afterAll(() => app.close());

const issue = (payload: unknown, headers: Record<string, string> = { 'x-internal-auth': INTERNAL[0] }) =>
  app.inject({ method: 'POST', url: '/internal/auth/tokens', headers, payload: payload as object });

describe('POST /internal/auth/tokens', () => {
  it('issues a Bearer token with a fresh jti and the default 3600 s lifetime', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await issue(ADA);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      token: expect.any(String),
      tokenType: 'Bearer',
      expiresAt: expect.any(String),
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const claims = decodeJwt(body.token);
    expect(claims).toMatchObject({ sub: ADA.userId, jti: body.jti });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(Date.parse(body.expiresAt)).toBe((claims.exp ?? 0) * 1000);
  });

  it('honours ttlSeconds and answers 400 outside 60–86400 or for bad claims', async () => {
    const res = await issue({ ...ADA, ttlSeconds: 60 });
    const claims = decodeJwt(res.json().token);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(60);
    for (const bad of [
      { ...ADA, ttlSeconds: 59 },
      { ...ADA, ttlSeconds: 86_401 },
      { ...ADA, email: 'not-an-email' },
      { ...ADA, userId: 'a b' },
      { ...ADA, admin: true },
      { userId: ADA.userId },
    ]) {
      const r = await issue(bad);
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('BAD_REQUEST');
    }
  });

  it.each([
    ['missing', {}],
    ['wrong', { 'x-internal-auth': `${INTERNAL[0].slice(0, -1)}X` }],
    ['odd-length', { 'x-internal-auth': `${INTERNAL[0]}A` }],
    ['empty', { 'x-internal-auth': '' }],
    ['rotated-out', { 'x-internal-auth': ROTATED_OUT }],
  ])('answers 401 {"error":"Unauthorized"} for a %s internal token', async (_name, headers) => {
    const res = await issue(ADA, headers);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'Unauthorized' });
    const rev = await app.inject({
      method: 'POST',
      url: '/internal/auth/revocations',
      headers,
      payload: { token: 'x' },
    });
    expect(rev.statusCode).toBe(401);
  });

  it('accepts both tokens of a rotation', async () => {
    expect((await issue(ADA, { 'x-internal-auth': INTERNAL[1] })).statusCode).toBe(201);
  });
});

describe('POST /auth/verify', () => {
  it('answers 200 with the user for a token issued over HTTP', async () => {
    const res = await verify(app, (await issue(ADA)).json().token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ valid: true, ...ADA });
  });

  it('answers 401 TOKEN_EXPIRED for an expired token and TOKEN_INVALID for garbage', async () => {
    const old = await issueToken(SETTINGS, ADA, { now: new Date(Date.now() - 7_200_000), ttlSeconds: 60 });
    expect((await verify(app, old.token)).json()).toEqual({ error: 'Token expired', code: 'TOKEN_EXPIRED' });
    expect((await verify(app, 'garbage')).json()).toEqual({ error: 'Invalid token', code: 'TOKEN_INVALID' });
  });

  it('needs no internal token and answers 400 for a body that is not {token}', async () => {
    for (const payload of [{}, { token: 5 }, { token: 'a', extra: 1 }]) {
      const res = await app.inject({ method: 'POST', url: '/auth/verify', payload });
      expect(res.statusCode).toBe(400);
    }
  });
});

describe('POST /internal/auth/revocations', () => {
  it('round trip: issue, verify 200, revoke 204, verify 401 TOKEN_REVOKED, revoke again 204', async () => {
    const { token, jti } = (await issue({ ...ADA, ttlSeconds: 120 })).json();
    const other = (await issue(ADA)).json().token;
    expect((await verify(app, token)).statusCode).toBe(200);
    expect((await revoke(app, token)).statusCode).toBe(204);
    expect(await store.isRevoked(jti)).toBe(true);
    const res = await verify(app, token);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'Token revoked', code: 'TOKEN_REVOKED' });
    expect((await revoke(app, token)).statusCode).toBe(204);
    expect((await verify(app, other)).statusCode).toBe(200);
  });

  it('answers 204 without storing anything for an already expired token', async () => {
    const old = await issueToken(SETTINGS, ADA, { now: new Date(Date.now() - 7_200_000), ttlSeconds: 60 });
    expect((await revoke(app, old.token)).statusCode).toBe(204);
    expect(await store.isRevoked(old.jti)).toBe(false);
  });

  it('answers 400 TOKEN_INVALID for a token whose signature does not verify', async () => {
    const { token } = (await issue(ADA)).json();
    const res = await revoke(app, `${token.slice(0, -10)}${'A'.repeat(10)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'Invalid token', code: 'TOKEN_INVALID' });
  });
});

describe('health', () => {
  it('is ready with the in-memory store and serves its spec', async () => {
    expect((await app.inject({ url: '/ready' })).json()).toEqual({ status: 'ready' });
    const docs = await app.inject({ url: '/docs/json' });
    expect(Object.keys(docs.json().paths)).toContain('/auth/verify');
  });
});
