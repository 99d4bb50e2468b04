import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallFailure, ClientOptions, HttpError, Result, Success } from '../../../lib/client/index.js';
import {
  docsPlugin,
  errorHandlerPlugin,
  type HandlerReply,
  type HandlerRequest,
  type RoutesPluginOptions,
} from '../../../lib/server/index.js';
import { type AdoptionOutput, generateAdoption } from '../../fixtures/codegen/adoption/generate-adoption.js';

// wire-service over real HTTP: status ranges answered and read on both sides, cookie parameters sent by the
// client and parsed, coerced and validated by the server, path parameters named `enterprise-team` and
// `member.id`. The generated modules live in a temp folder; they are used through structural views.

type AnyResult = Result<Success<number, unknown>, HttpError<number, unknown> | CallFailure>;
type AnyClient = Record<string, (input?: unknown) => Promise<AnyResult>>;
type AnyHandlers = Record<string, (request: HandlerRequest) => HandlerReply>;
type Plugin = (app: FastifyInstance, options: RoutesPluginOptions<AnyHandlers>) => Promise<void>;
type WebhooksPlugin = (
  app: FastifyInstance,
  options: RoutesPluginOptions<AnyHandlers> & { urls?: Record<string, string> },
) => Promise<void>;

const seen: HandlerRequest[] = [];
const handlers: AnyHandlers = {
  getMember: (request) => {
    seen.push(request);
    const params = request.params as Record<string, unknown>;
    const cookies = request.cookies as { theme?: string };
    const team = String(params['enterprise-team']);
    if (team === 'teapot') return { status: 418, body: { title: 'short and stout', status: 418 } };
    if (team === 'gone') return { status: 404, body: { error: 'no such member' } };
    if (team === 'broken') return { status: 503 };
    if (team === 'moved') return { status: 302, body: { error: 'see elsewhere' } };
    const member = { id: params['member.id'], team, tags: [{ label: 'x' }] };
    return { status: 200, body: cookies.theme === undefined ? member : { ...member, theme: cookies.theme } };
  },
  startJob: ({ body }) => {
    const { kind } = body as { kind: string };
    if (kind === 'busy') return { status: 409, body: { error: 'already running' } };
    if (kind === 'odd') return { status: 422, body: { title: 'odd kind', status: 422 } };
    return { status: kind === 'later' ? 202 : 201, body: { jobId: `job-${kind}` } };
  },
};

const delivered: unknown[] = [];
const receivers: AnyHandlers = {
  onPetAdded: ({ body, headers }) => ({
    status: 200,
    body: { received: (headers as Record<string, string>)['x-signature'] === 'sig' && body !== undefined },
  }),
  deliverEvent: ({ body }) => {
    delivered.push(body);
    return { status: 204 };
  },
};

let out: AdoptionOutput;
let app: FastifyInstance;
let baseUrl: string;
let client: AnyClient;
let viaFetch: AnyClient;

beforeAll(async () => {
  out = await generateAdoption();
  app = Fastify();
  await app.register(errorHandlerPlugin);
  const server = await out.load<{ wireServiceRoutesPlugin: Plugin }>('wire-service/server.ts');
  await app.register(server.wireServiceRoutesPlugin, { handlers });
  const { wireServiceDocument } = await out.load<{ wireServiceDocument: Record<string, unknown> }>(
    'wire-service/document.ts',
  );
  await app.register(docsPlugin, { document: wireServiceDocument });
  const hooks = await out.load<{ hooksServiceWebhooksPlugin: WebhooksPlugin }>('hooks-service/webhooks.ts');
  await app.register(hooks.hooksServiceWebhooksPlugin, {
    handlers: receivers,
    urls: { onPetAdded: '/hooks/pets' },
  });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const { createWireServiceClient } = await out.load<{
    createWireServiceClient: (o: ClientOptions) => AnyClient;
  }>('wire-service/client.ts');
  client = createWireServiceClient({ baseUrl, resilience: false });
  viaFetch = createWireServiceClient({ baseUrl, resilience: false, fetch: globalThis.fetch });
});

afterAll(async () => {
  await app?.close();
  out?.cleanup();
});

const member = (team: string, cookies: Record<string, unknown> = { session: 's1' }) => ({
  path: { 'enterprise-team': team, 'member.id': 7 },
  cookies,
});

describe('wire-service over real HTTP', () => {
  it.each([
    ['the pooled transport', () => client],
    ['openapi-fetch on global fetch', () => viaFetch],
  ])('sends cookie parameters that the handler reads decoded and coerced (%s)', async (_, use) => {
    const cookies = { session: 'tok en;=1', theme: 'dark', visits: 3 };
    const r = await use().getMember?.(member('core-team', cookies));
    expect(r).toMatchObject({ ok: true, status: 200, value: { id: 7, team: 'core-team', theme: 'dark' } });
    expect(seen.at(-1)?.cookies).toEqual(cookies);
    expect(seen.at(-1)?.params).toEqual({ 'enterprise-team': 'core-team', 'member.id': 7 });
  });

  it('refuses a missing or ill-typed cookie with 400 before the handler runs', async () => {
    const before = seen.length;
    const missing = await fetch(`${baseUrl}/teams/a/members/1`);
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await missing.json()).toMatchObject({
      code: 'BAD_REQUEST',
      error: expect.stringMatching(/session/),
    });
    const typed = await fetch(`${baseUrl}/teams/a/members/1`, {
      headers: { cookie: 'session=s; visits=many' },
    });
    expect(typed.status).toBe(400);
    const theme = await client.getMember?.(member('a', { session: 's', theme: 'neon' }));
    // 400 is in the 4XX range: a documented HTTP error, not an undocumented failure.
    expect(theme).toMatchObject({ ok: false, error: { kind: 'http', status: 400, code: 'BAD_REQUEST' } });
    expect(seen.length).toBe(before);
  });

  it('routes path parameter names with "-" and "." (a plain fetch too)', async () => {
    const res = await fetch(`${baseUrl}/teams/ops-team/members/12`, { headers: { cookie: 'session=s' } });
    expect(await res.json()).toMatchObject({ id: 12, team: 'ops-team' });
    expect((await fetch(`${baseUrl}/teams/ops/members/0`, { headers: { cookie: 'session=s' } })).status).toBe(
      400,
    );
  });

  it('answers an unlisted 4xx with the 4XX body and the client reads it as a documented error', async () => {
    const r = await client.getMember?.(member('teapot'));
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 418, body: { title: 'short and stout', status: 418 } },
    });
  });

  it('keeps a listed status apart from its range (404) and a body-less range (5XX)', async () => {
    expect(await client.getMember?.(member('gone'))).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 404, code: 'NOT_FOUND', body: { error: 'no such member' } },
    });
    expect(await client.getMember?.(member('broken'))).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 503, code: 'UNAVAILABLE', body: undefined },
    });
  });

  it('reads any 2xx of a 2XX range as success, and 4XX around a listed 409', async () => {
    expect(await client.startJob?.({ body: { kind: 'now' } })).toMatchObject({
      ok: true,
      status: 201,
      value: { jobId: 'job-now' },
    });
    expect(await client.startJob?.({ body: { kind: 'later' } })).toMatchObject({ ok: true, status: 202 });
    expect(await client.startJob?.({ body: { kind: 'busy' } })).toMatchObject({
      ok: false,
      error: { status: 409, body: { error: 'already running' } },
    });
    expect(await client.startJob?.({ body: { kind: 'odd' } })).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 422, code: 'UNPROCESSABLE', body: { title: 'odd kind' } },
    });
  });

  it('serves the document with its extensions as written', async () => {
    const doc = (await (await fetch(`${baseUrl}/docs/json`)).json()) as Record<string, unknown>;
    expect(doc['x-topics']).toEqual([
      { title: 'Getting started', content: { $ref: './docs/getting-started.md' } },
    ]);
  });

  it('receives a callback delivery validated against the spec before its handler runs', async () => {
    const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${baseUrl}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const event = { kind: 'created', at: '2026-01-01T00:00:00Z' };
    expect((await post('/callbacks/subscribe/onEvent', event)).status).toBe(204);
    expect((await post('/callbacks/subscribe/onEvent', { ...event, kind: 'moved' })).status).toBe(400);
    expect(delivered).toEqual([event]);
  });

  it('receives a webhook at the URL the app chose, with its header parameter required', async () => {
    const post = (url: string, headers: Record<string, string>) =>
      fetch(`${baseUrl}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: 'Rex' }),
      });
    const ok = await post('/hooks/pets', { 'x-signature': 'sig' });
    expect([ok.status, await ok.json()]).toEqual([200, { received: true }]);
    expect((await post('/hooks/pets', {})).status).toBe(400);
    expect((await post('/webhooks/petAdded', { 'x-signature': 'sig' })).status).toBe(404);
  });
});
