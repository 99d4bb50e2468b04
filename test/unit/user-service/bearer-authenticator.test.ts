import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createFakeAuthServiceClient } from '../../../generated/auth-service/fake.js';
import { httpError, ok, transportError } from '../../../lib/client/index.js';
import {
  bearerAuthenticator,
  DEFAULT_VERIFY_TIMEOUT_MS,
} from '../../../services/shared/bearer-authenticator.js';
import { ADA, ADA_TOKEN } from './user-app.js';

const UNAVAILABLE = { error: 'Authentication service temporarily unavailable', code: 'AUTH_UNAVAILABLE' };

/** Runs the authenticator on one request with `headers`; answers its decision and what it logged. */
async function decide(
  auth = createFakeAuthServiceClient(),
  headers: Record<string, string> = { authorization: `Bearer ${ADA_TOKEN}` },
  timeoutMs?: number,
) {
  const logs: unknown[] = [];
  const app = Fastify({
    logger: { level: 'warn', hooks: { logMethod: (args: unknown[]) => void logs.push(args) } } as never, // pino's hook type is narrower than this spy
  });
  const check = bearerAuthenticator(auth, timeoutMs === undefined ? {} : { timeoutMs });
  let decision: unknown;
  app.get('/x', async (request) => {
    decision = await check(request);
    return {};
  });
  await app.inject({ url: '/x', headers });
  await app.close();
  return { decision, logs: JSON.stringify(logs), calls: auth.calls.verifyToken };
}

describe('bearerAuthenticator', () => {
  it('makes the verified user the principal, asking with a 5 s timeout by default', async () => {
    const auth = createFakeAuthServiceClient({
      verifyToken: async () => ok({ valid: true as const, ...ADA }),
    });
    const { decision, calls } = await decide(auth);
    expect(decision).toEqual({ ok: true, principal: ADA });
    expect(calls).toEqual([[{ body: { token: ADA_TOKEN } }, { timeoutMs: DEFAULT_VERIFY_TIMEOUT_MS }]]);
    expect(DEFAULT_VERIFY_TIMEOUT_MS).toBe(5000);
    expect((await decide(createFakeAuthServiceClient(), undefined, 250)).calls[0]?.[1]).toEqual({
      timeoutMs: 250,
    });
  });

  it('accepts any case of the scheme and trailing spaces', async () => {
    const { decision } = await decide(undefined, { authorization: `bearer ${ADA_TOKEN}  ` });
    expect(decision).toMatchObject({ ok: true });
  });

  it.each([
    ['rejected (401)', httpError(401, { error: 'Token expired', code: 'TOKEN_EXPIRED' })],
    ['refused as malformed (400)', httpError(400, { error: 'body/token too long', code: 'BAD_REQUEST' })],
  ])('answers 401 for a token auth-service %s, never logging it', async (_name, answer) => {
    const { decision, logs } = await decide(createFakeAuthServiceClient({ verifyToken: async () => answer }));
    expect(decision).toEqual({ ok: false, status: 401, body: { error: 'Unauthorized' } });
    expect(logs).toContain('bearer auth failed');
    expect(logs).not.toContain(ADA_TOKEN.slice(10));
  });

  it.each([
    ['too long', `Bearer ${'a'.repeat(8193)}`],
    ['two tokens', `Bearer ${ADA_TOKEN} ${ADA_TOKEN}`],
    ['no scheme', ADA_TOKEN],
  ])('answers 401 without asking auth-service for a %s header', async (_name, authorization) => {
    const { decision, calls } = await decide(undefined, { authorization });
    expect(decision).toMatchObject({ ok: false, status: 401 });
    expect(calls).toEqual([]);
  });

  it.each([
    ['an open circuit', transportError('CIRCUIT_OPEN')],
    ['a timeout', transportError('TIMEOUT')],
    ['a network error', transportError('NETWORK_ERROR')],
    ['a full bulkhead', transportError('BULKHEAD_FULL')],
    ['a 503 of its own', httpError(503, { error: 'Service temporarily unavailable' })],
    ['a 200 without a user', ok({ valid: true } as never)], // a body the spec forbids, on purpose
  ])('answers 503 AUTH_UNAVAILABLE for %s', async (_name, answer) => {
    const { decision, logs } = await decide(createFakeAuthServiceClient({ verifyToken: async () => answer }));
    expect(decision).toEqual({ ok: false, status: 503, body: UNAVAILABLE });
    expect(logs).toContain('auth-service unavailable');
    expect(logs).not.toContain(ADA_TOKEN.slice(10));
  });

  it('logs an auth-service outage once a second per code, not once per refused request', async () => {
    const logs: unknown[] = [];
    const app = Fastify({
      logger: { level: 'warn', hooks: { logMethod: (args: unknown[]) => void logs.push(args) } } as never, // as in decide
    });
    const check = bearerAuthenticator(
      createFakeAuthServiceClient({ verifyToken: async () => transportError('CIRCUIT_OPEN') }),
    );
    app.get('/x', async (request) => check(request));
    try {
      for (let i = 0; i < 30; i++)
        await app.inject({ url: '/x', headers: { authorization: `Bearer ${ADA_TOKEN}` } });
      expect(JSON.stringify(logs).match(/auth-service unavailable/g)).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
