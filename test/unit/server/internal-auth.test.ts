import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ConfigError, internalAuthenticator, readInternalTokens } from '../../../lib/server/internal-auth.js';

const A = `${'a'.repeat(8)}0123456789abcdefghijklmnopqrstuv`;
const B = 'Zq8f2LmN0pR4tV6xB1dF3hJ5kM7nP9sU';

describe('readInternalTokens', () => {
  it('reads comma-separated tokens for rotation, preferring the new variable name', () => {
    expect(
      readInternalTokens({ INTEXURAOS_INTERNAL_AUTH_TOKEN: `${A}, ${B}`, INTERNAL_AUTH_TOKEN: 'ignored' }),
    ).toEqual([A, B]);
    expect(readInternalTokens({ INTERNAL_AUTH_TOKEN: B })).toEqual([B]);
  });

  it.each([
    [{}, /not set/],
    [{ INTEXURAOS_INTERNAL_AUTH_TOKEN: '  ' }, /not set/],
    [{ INTEXURAOS_INTERNAL_AUTH_TOKEN: 'short-token' }, /11 characters long; use at least 32/],
    [{ INTEXURAOS_INTERNAL_AUTH_TOKEN: `${B},tiny` }, /token 2 of 2\) is 4 characters/],
    [{ INTEXURAOS_INTERNAL_AUTH_TOKEN: 'changeme-changeme-changeme-changeme' }, /placeholder/],
    [{ INTEXURAOS_INTERNAL_AUTH_TOKEN: 'x'.repeat(40) }, /placeholder/],
  ])('refuses %j', (env, message) => {
    expect(() => readInternalTokens(env)).toThrow(ConfigError);
    expect(() => readInternalTokens(env)).toThrow(message);
  });
});

describe('internalAuthenticator', () => {
  /** An app with `/x` guarded by the authenticator; `lines` collects what its logger writes (warn and up). */
  function guardedApp() {
    const lines: string[] = [];
    const app = Fastify({
      logger: { level: 'warn', stream: { write: (line: string) => void lines.push(line) } },
    });
    const check = internalAuthenticator([A, B]);
    app.get('/x', async (request, reply) => {
      const d = await check(request);
      return d.ok ? { ok: true } : reply.code(d.status).send(d.body);
    });
    return { app, lines };
  }

  /** Calls the guarded route; `logs` is every line the app's logger wrote. */
  async function call(headers: Record<string, string | string[]>) {
    const { app, lines } = guardedApp();
    const res = await app.inject({ method: 'GET', url: '/x', headers });
    await app.close();
    return { status: res.statusCode, body: res.json(), logs: lines.join('') };
  }

  it('accepts every rotated token', async () => {
    expect((await call({ 'x-internal-auth': A })).status).toBe(200);
    expect((await call({ 'x-internal-auth': B })).status).toBe(200);
  });

  it.each([
    ['missing', {}],
    ['wrong', { 'x-internal-auth': `${A.slice(0, -1)}X` }],
    ['odd length', { 'x-internal-auth': `${A}A` }],
    ['empty', { 'x-internal-auth': '' }],
    ['non-ASCII', { 'x-internal-auth': 'ü'.repeat(32) }],
    ['rotated out', { 'x-internal-auth': 'Old0ld0ld0ld0ld0ld0ld0ld0ld0ld0ld0' }],
    ['repeated header', { 'x-internal-auth': [A, A] }],
  ])('answers 401 {"error":"Unauthorized"} for a %s token and never logs it', async (_name, headers) => {
    const r = await call(headers as Record<string, string | string[]>);
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: 'Unauthorized' });
    expect(r.logs).toContain('internal auth failed');
    // Neither what was sent nor an accepted token, in whole or in a recognisable part (half of it).
    const sent = Object.values(headers).flat();
    for (const secret of [...sent, A, B].filter((s) => s !== '')) {
      expect(r.logs).not.toContain(secret.slice(0, Math.ceil(secret.length / 2)));
      expect(r.logs).not.toContain(secret.slice(Math.floor(secret.length / 2)));
    }
  });

  it('logs a burst of refusals once per reason, not once per request', async () => {
    const { app, lines } = guardedApp();
    try {
      for (let i = 0; i < 20; i++) await app.inject({ url: '/x', headers: { 'x-internal-auth': `${A}x` } });
      for (let i = 0; i < 20; i++) await app.inject({ url: '/x' });
      expect(lines.map((l) => JSON.parse(l).reason)).toEqual([
        'wrong X-Internal-Auth token',
        'missing X-Internal-Auth header',
      ]);
    } finally {
      await app.close();
    }
  });
});
