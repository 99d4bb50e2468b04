import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  acceptableForSeconds,
  issueToken,
  tokenSettings,
  verifyToken,
} from '../../../services/auth-service/domain/tokens.js';
import { ADA, SECRET, SETTINGS } from './auth-test-setup.js';

describe('issueToken', () => {
  it('signs HS256 with sub, email, tenantId, iss, aud, iat, exp and a fresh jti', async () => {
    const now = new Date('2025-06-01T12:00:00Z');
    const issued = await issueToken(SETTINGS, ADA, { now, ttlSeconds: 3600 });
    expect(decodeProtectedHeader(issued.token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(issued.token)).toEqual({
      sub: ADA.userId,
      email: ADA.email,
      tenantId: ADA.tenantId,
      iss: 'switchboard-auth',
      aud: 'switchboard',
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 3600,
      jti: issued.jti,
    });
    expect(issued.expiresAt.toISOString()).toBe('2025-06-01T13:00:00.000Z');
    const again = await issueToken(SETTINGS, ADA);
    expect(again.jti).not.toBe(issued.jti);
  });

  it('refuses a ttl out of 1–86400 and claims the spec would refuse', async () => {
    for (const ttlSeconds of [0, 1.5, 86_401]) {
      await expect(issueToken(SETTINGS, ADA, { ttlSeconds })).rejects.toThrow(RangeError);
    }
    await expect(issueToken(SETTINGS, { ...ADA, userId: 'no spaces' })).rejects.toThrow(TypeError);
    await expect(issueToken(SETTINGS, { ...ADA, email: 'nope' })).rejects.toThrow(/email/);
  });
});

describe('verifyToken', () => {
  it('accepts its own tokens and returns their claims', async () => {
    const issued = await issueToken(SETTINGS, ADA, { ttlSeconds: 120 });
    const outcome = await verifyToken(SETTINGS, issued.token);
    expect(outcome).toEqual({
      ok: true,
      claims: { ...ADA, jti: issued.jti, expiresAt: issued.expiresAt.getTime() / 1000 },
    });
  });

  it('tolerates 5 s of clock skew on exp and iat, not more', async () => {
    const now = new Date();
    const issued = await issueToken(SETTINGS, ADA, { now, ttlSeconds: 60 });
    const at = (seconds: number) => ({ now: new Date(now.getTime() + seconds * 1000) });
    expect((await verifyToken(SETTINGS, issued.token, at(64))).ok).toBe(true);
    expect(await verifyToken(SETTINGS, issued.token, at(66))).toMatchObject({ ok: false, reason: 'expired' });
    expect((await verifyToken(SETTINGS, issued.token, at(-4))).ok).toBe(true);
    expect(await verifyToken(SETTINGS, issued.token, at(-7))).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses tokens of another issuer or audience configuration', async () => {
    const other = tokenSettings({ secret: SECRET, issuer: 'other-auth', audience: 'other' });
    const issued = await issueToken(other, ADA);
    expect(await verifyToken(SETTINGS, issued.token)).toMatchObject({ ok: false, reason: 'invalid' });
    expect((await verifyToken(other, issued.token)).ok).toBe(true);
  });

  it('refuses the empty string and an oversized token without throwing', async () => {
    expect(await verifyToken(SETTINGS, '')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await verifyToken(SETTINGS, 'a'.repeat(4097))).toEqual({
      ok: false,
      reason: 'invalid',
      detail: 'longer than 4096 characters',
    });
  });
});

describe('acceptableForSeconds', () => {
  it('lasts until exp plus the clock tolerance, at least one second', () => {
    const claims = { ...ADA, jti: 'j', expiresAt: 1_000_100 };
    expect(acceptableForSeconds(claims, new Date(1_000_000_000))).toBe(105);
    expect(acceptableForSeconds(claims, new Date(1_000_099_500))).toBe(6);
    expect(acceptableForSeconds(claims, new Date(1_000_200_000))).toBe(1);
  });
});
