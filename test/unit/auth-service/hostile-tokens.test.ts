import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyToken } from '../../../services/auth-service/domain/tokens.js';
import { hostileTokens } from '../../fixtures/jwt/hostile-tokens.js';
import { hmacJwt, validParts } from '../../fixtures/jwt/raw-jwt.js';
import { authApp, revoke, SECRET, SETTINGS, verify } from './auth-test-setup.js';

const target = { secret: SECRET, issuer: SETTINGS.issuer, audience: SETTINGS.audience };
const now = Math.floor(Date.now() / 1000);
const matrix = hostileTokens(target, now);

let app: FastifyInstance;
beforeAll(async () => {
  app = await authApp();
});
afterAll(() => app.close());

describe('hostile JWTs', () => {
  it('has a control: the unmodified token the matrix is built from is accepted', async () => {
    const { header, payload } = validParts(target, now);
    const res = await verify(app, hmacJwt(header, payload, SECRET));
    expect(res.statusCode).toBe(200);
    expect(matrix.length).toBeGreaterThanOrEqual(40);
  });

  it.each(matrix)('refuses $name with 401, caught by the check meant for it', async ({ token, why }) => {
    const res = await verify(app, token);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: expect.any(String),
      code: expect.stringMatching(/^TOKEN_(INVALID|EXPIRED)$/),
    });
    const outcome = await verifyToken(SETTINGS, token);
    expect(outcome.ok ? 'accepted' : outcome.detail).toMatch(why);
  });

  it('calls only the truly expired ones TOKEN_EXPIRED', async () => {
    const expired = new Set(['expired an hour ago', 'expired just beyond the 5 s tolerance']);
    for (const { name, token } of matrix) {
      const res = await verify(app, token);
      expect([name, res.json().code]).toEqual([name, expired.has(name) ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID']);
    }
  });

  it('answers 400 (the contract: minLength 1) for the empty string and a token over 8192 chars', async () => {
    for (const token of ['', 'a'.repeat(8193)]) {
      const res = await verify(app, token);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('BAD_REQUEST');
    }
  });

  it('refuses to revoke any of them: 400 TOKEN_INVALID, or 204 no-op for the expired', async () => {
    for (const { name, token } of matrix) {
      const res = await revoke(app, token);
      expect([name, res.statusCode]).toEqual([name, name.startsWith('expired') ? 204 : 400]);
    }
  });
});
