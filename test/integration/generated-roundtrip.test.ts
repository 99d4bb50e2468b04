import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUserServiceClient,
  type UserServiceHandlers,
  userServiceRoutesPlugin,
} from '../../generated/index.js';
import { runWithContext } from '../../lib/context/request-context.js';
import { respond } from '../../lib/server/index.js';

const TOKEN = 'a-strong-internal-token-for-tests-0123456789';
const seen: Record<string, string | undefined>[] = [];

const handlers: UserServiceHandlers = {
  getLlmKeys: ({ params, request }) => {
    seen.push({
      correlation: request.headers['x-correlation-id'] as string | undefined,
      traceparent: request.headers.traceparent as string | undefined,
    });
    if (params.uid === 'missing') return respond(404, { error: 'User not found', code: 'USER_NOT_FOUND' });
    return respond(200, { google: 'g-key', openai: null, anthropic: null });
  },
  reportLlmKeyUsage: () => respond(204),
  getOAuthToken: () => respond(200, { accessToken: 'ya29.token', tokenType: 'Bearer', expiresAt: null }),
  createUser: ({ body, principal }) =>
    respond(201, {
      id: `usr_${String(principal)}`,
      email: body.email,
      displayName: body.displayName,
      tenantId: 'tnt_1',
      createdAt: '2026-01-01T00:00:00.000Z',
    }),
  setLlmKey: () => respond(204),
};

let app: FastifyInstance;
let baseUrl: string;

beforeAll(async () => {
  app = Fastify();
  await app.register(userServiceRoutesPlugin, {
    handlers,
    authenticate: {
      InternalAuth: (req) =>
        req.headers['x-internal-auth'] === TOKEN
          ? { ok: true }
          : { ok: false, status: 401, body: { error: 'Unauthorized' } },
      BearerAuth: (req) =>
        req.headers.authorization === 'Bearer user-jwt'
          ? { ok: true, principal: 'u1' }
          : { ok: false, status: 401, body: { error: 'Unauthorized' } },
    },
  });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
});

describe('generated client against generated routes over real HTTP', () => {
  it('returns the typed value of a documented success', async () => {
    const client = createUserServiceClient({ baseUrl, credentials: { InternalAuth: TOKEN } });
    const r = await client.getLlmKeys({ path: { uid: 'u1' } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toEqual({ google: 'g-key', openai: null, anthropic: null });
  });

  it('narrows a documented error by status and maps it to a code', async () => {
    const client = createUserServiceClient({ baseUrl, credentials: { InternalAuth: TOKEN } });
    const r = await client.getLlmKeys({ path: { uid: 'missing' } });
    expect(r.ok).toBe(false);
    if (!r.ok && r.error.status === 404) {
      expect(r.error.code).toBe('NOT_FOUND');
      expect(r.error.body.code).toBe('USER_NOT_FOUND');
    } else expect.unreachable('expected a 404');
  });

  it('answers 401 without the internal token and the client reports UNAUTHORIZED', async () => {
    const client = createUserServiceClient({ baseUrl });
    const r = await client.getLlmKeys({ path: { uid: 'u1' } });
    expect(!r.ok && r.error.status).toBe(401);
    expect(!r.ok && r.error.code).toBe('UNAUTHORIZED');
  });

  it('rejects input the spec forbids with 400 before the handler runs', async () => {
    const client = createUserServiceClient({ baseUrl, credentials: { InternalAuth: TOKEN } });
    const r = await client.getLlmKeys({ path: { uid: 'bad uid!' } });
    expect(!r.ok && r.error.status).toBe(400);
    const res = await fetch(`${baseUrl}/users`, {
      method: 'POST',
      headers: { authorization: 'Bearer user-jwt', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.com', displayName: 'A', admin: true }),
    });
    expect(res.status).toBe(400);
  });

  it('sends the Bearer credential given per call and passes the principal to the handler', async () => {
    const client = createUserServiceClient({ baseUrl });
    const r = await client.createUser(
      { body: { email: 'a@example.com', displayName: 'Ada' } },
      { credentials: { BearerAuth: 'user-jwt' } },
    );
    expect(r.ok && r.status === 201 && r.value.id).toBe('usr_u1');
  });

  it('carries the current request context as correlation and trace headers', async () => {
    const client = createUserServiceClient({ baseUrl, credentials: { InternalAuth: TOKEN } });
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await runWithContext({ correlationId: 'corr-42', traceparent }, () =>
      client.getLlmKeys({ path: { uid: 'u1' } }),
    );
    const last = seen.at(-1);
    expect(last?.correlation).toBe('corr-42');
    expect(last?.traceparent).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    expect(last?.traceparent).not.toBe(traceparent);
  });

  it('reports NETWORK_ERROR when nothing listens, without throwing', async () => {
    const client = createUserServiceClient({
      baseUrl: 'http://127.0.0.1:1',
      credentials: { InternalAuth: TOKEN },
    });
    const r = await client.getLlmKeys({ path: { uid: 'u1' } });
    expect(!r.ok && r.error.code).toBe('NETWORK_ERROR');
  });
});
