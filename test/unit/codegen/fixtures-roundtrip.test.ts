import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallFailure, ClientOptions, HttpError, Result, Success } from '../../../lib/client/index.js';
import type { HandlerReply, HandlerRequest, RoutesPluginOptions } from '../../../lib/server/index.js';
import { type FixtureOutput, generateFixtures } from '../../fixtures/codegen/generate-fixtures.js';

// The generated modules live in a temp folder, so their types are not visible here: they are used through
// these structural views, and the assertions check the values the typed code would see.
type AnyResult = Result<Success<number, unknown>, HttpError<number, unknown> | CallFailure>;
type AnyClient = Record<string, (input?: unknown) => Promise<AnyResult>>;
type AnyHandlers = Record<string, (request: HandlerRequest) => HandlerReply>;
type Plugin = (app: FastifyInstance, options: RoutesPluginOptions<AnyHandlers>) => Promise<void>;

const seen: Record<string, unknown> = {};

const edgeHandlers: AnyHandlers = {
  getGreeting: ({ params, query }) => {
    const { name } = params as { name: string };
    if (name === 'nobody') return { status: 404, body: { error: 'no such name' } };
    return {
      status: 200,
      body: `${(query as { lang?: string }).lang === 'fr' ? 'Bonjour' : 'Hello'}, ${name}`,
    };
  },
  setGreeting: ({ body, headers }) => {
    seen.setGreeting = { body, contentType: (headers as Record<string, string>)['content-type'] };
    return { status: 204 };
  },
  listItems: ({ query }) => {
    seen.listItems = query;
    if ((query as { owner: string }).owner === 'teapot')
      return { status: 418, body: { error: 'short and stout' } };
    return { status: 200, body: { items: [{ id: 1, name: 'lamp' }] } };
  },
  itemExists: ({ params }) => ({ status: (params as { itemId: number }).itemId === 1 ? 204 : 404 }),
  getItem: ({ params }) => ({
    status: 200,
    body: { id: (params as { itemId: number }).itemId, name: 'lamp' },
  }),
  upsertItem: ({ params, headers, body }) => {
    seen.upsertItem = { params, headers, body };
    const { itemId } = params as { itemId: number };
    return { status: itemId === 1 ? 200 : 201, body: { id: itemId, name: (body as { name: string }).name } };
  },
  deleteItem: ({ params }) => {
    seen.deleteItem = params;
    return { status: 204 };
  },
  postItemsItemIdTouch: ({ body }) => {
    seen.touch = body;
    return {
      status: 200,
      body: { touched: true, note: (body as { note?: string } | undefined)?.note ?? null },
    };
  },
};

const shapesHandlers: AnyHandlers = {
  createPet: ({ body }) => ({ status: 201, body }),
  putLabels: ({ body }) => ({ status: 200, body }),
  getPricedItem: () => ({
    status: 200,
    body: { id: 'i1', status: 'active', tags: ['x'], note: null, price: { amount: 5, currency: 'EUR' } },
  }),
};

const legacyHandlers: AnyHandlers = {
  getProfile: () => ({
    status: 200,
    body: { id: 'p1', nickname: null, age: null, tier: null, address: null },
  }),
  updateProfile: ({ body }) => ({
    status: 200,
    body: {
      id: 'p1',
      nickname: (body as { nickname: string | null }).nickname,
      age: 3,
      tier: 'pro',
      address: { city: 'Oslo' },
    },
  }),
};

let out: FixtureOutput;
let app: FastifyInstance;
let baseUrl: string;
let edge: AnyClient;
let shapes: AnyClient;
let legacy: AnyClient;

beforeAll(async () => {
  out = await generateFixtures();
  app = Fastify();
  const services: [string, string, AnyHandlers][] = [
    ['edge-service', 'edgeService', edgeHandlers],
    ['shapes-service', 'shapesService', shapesHandlers],
    ['legacy-service', 'legacyService', legacyHandlers],
  ];
  const clients: AnyClient[] = [];
  for (const [name, camel, handlers] of services) {
    const server = await out.load<Record<string, Plugin>>(`${name}/server.ts`);
    await app.register(server[`${camel}RoutesPlugin`] as Plugin, { handlers });
  }
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  for (const [name, camel] of services) {
    const client = await out.load<Record<string, (o: ClientOptions) => AnyClient>>(`${name}/client.ts`);
    const pascal = camel.charAt(0).toUpperCase() + camel.slice(1);
    clients.push((client[`create${pascal}Client`] as (o: ClientOptions) => AnyClient)({ baseUrl }));
  }
  [edge, shapes, legacy] = clients as [AnyClient, AnyClient, AnyClient];
});

afterAll(async () => {
  await app?.close();
  out?.cleanup();
});

const call = (client: AnyClient, op: string, input?: unknown) =>
  (client[op] as (i?: unknown) => Promise<AnyResult>)(input);
const post = (path: string, body: unknown, method = 'POST') =>
  fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('generated fixture server and client over real HTTP', () => {
  it('reads a text/plain success as a string, and still parses the JSON error of the same operation', async () => {
    expect(await call(edge, 'getGreeting', { path: { name: 'Ada' }, query: { lang: 'fr' } })).toMatchObject({
      ok: true,
      status: 200,
      value: 'Bonjour, Ada',
    });
    const missing = await call(edge, 'getGreeting', { path: { name: 'nobody' } });
    expect(missing).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 404, body: { error: 'no such name' } },
    });
  });

  it('sends a text/plain request body as the string itself', async () => {
    const r = await call(edge, 'setGreeting', { path: { name: 'ada' }, body: 'Hi there' });
    expect(r).toMatchObject({ ok: true, status: 204 });
    expect(seen.setGreeting).toEqual({ body: 'Hi there', contentType: 'text/plain' });
  });

  it('answers a 204 with no value, after coercing the integer path parameter', async () => {
    const r = await call(edge, 'deleteItem', { path: { itemId: 3 } });
    expect(r).toMatchObject({ ok: true, status: 204 });
    expect(r.ok && r.value).toBeUndefined();
    expect(seen.deleteItem).toEqual({ itemId: 3 });
  });

  it('serves a declared HEAD next to the GET of the same path', async () => {
    expect(await call(edge, 'itemExists', { path: { itemId: 1 } })).toMatchObject({ ok: true, status: 204 });
    expect(await call(edge, 'itemExists', { path: { itemId: 2 } })).toMatchObject({
      ok: false,
      error: { status: 404 },
    });
    expect(await call(edge, 'getItem', { path: { itemId: 2 } })).toMatchObject({
      ok: true,
      value: { id: 2 },
    });
  });

  it('distinguishes two success statuses (200 and 201) by r.status', async () => {
    const headers = { 'X-Request-Id': 'req-1' };
    const replaced = await call(edge, 'upsertItem', { path: { itemId: 1 }, headers, body: { name: 'a' } });
    const created = await call(edge, 'upsertItem', { path: { itemId: 2 }, headers, body: { name: 'b' } });
    expect(replaced).toMatchObject({ ok: true, status: 200, value: { id: 1, name: 'a' } });
    expect(created).toMatchObject({ ok: true, status: 201, value: { id: 2, name: 'b' } });
    expect(seen.upsertItem).toMatchObject({ headers: { 'x-request-id': 'req-1' } });
  });

  it('rejects a request without its required header (400 before the handler)', async () => {
    const res = await post('/items/5', { name: 'c' }, 'PUT');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/x-request-id/);
  });

  it('types and coerces query parameters; a missing required one is a 400', async () => {
    expect(await call(edge, 'listItems', { query: { owner: 'ada', limit: 5, tag: ['a'] } })).toMatchObject({
      ok: true,
    });
    expect(seen.listItems).toEqual({ owner: 'ada', limit: 5, tag: ['a'] });
    expect((await fetch(`${baseUrl}/items?limit=5`)).status).toBe(400);
    expect((await fetch(`${baseUrl}/items?owner=ada&limit=500`)).status).toBe(400);
  });

  it('treats a status covered only by `default` as a documented HTTP error', async () => {
    const r = await call(edge, 'listItems', { query: { owner: 'teapot' } });
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 418, body: { error: 'short and stout' } },
    });
  });

  it('accepts an omitted optional body and validates a present one', async () => {
    expect(await call(edge, 'postItemsItemIdTouch', { path: { itemId: 4 } })).toMatchObject({
      ok: true,
      value: { touched: true, note: null },
    });
    expect(seen.touch).toBeUndefined();
    const noted = await call(edge, 'postItemsItemIdTouch', { path: { itemId: 4 }, body: { note: 'hi' } });
    expect(noted).toMatchObject({ ok: true, value: { note: 'hi' } });
    expect((await post('/items/4/touch', { colour: 'red' })).status).toBe(400);
  });

  it('validates a oneOf body with Ajv: each variant passes, a mix or an unknown kind is a 400', async () => {
    const cat = { kind: 'cat', name: 'Tom', livesLeft: 9 };
    expect(await call(shapes, 'createPet', { body: cat })).toMatchObject({
      ok: true,
      status: 201,
      value: cat,
    });
    const dog = { kind: 'dog', name: 'Rex', goodBoy: true };
    expect(await call(shapes, 'createPet', { body: dog })).toMatchObject({ ok: true, value: dog });
    expect((await post('/pets', { kind: 'cat', name: 'Tom', goodBoy: true })).status).toBe(400);
    expect((await post('/pets', { kind: 'fish', name: 'Nemo' })).status).toBe(400);
  });

  it('accepts a string map body and rejects a non-string value', async () => {
    const labels = { team: 'payments', tier: 'gold' };
    expect(await call(shapes, 'putLabels', { body: labels })).toMatchObject({ ok: true, value: labels });
    expect((await post('/labels', { team: 7 }, 'PUT')).status).toBe(400);
  });

  it('serializes an allOf response with a shared $ref and a 3.1 nullable field', async () => {
    const r = await call(shapes, 'getPricedItem', { path: { id: 'i1' } });
    expect(r).toMatchObject({ ok: true, value: { note: null, price: { amount: 5, currency: 'EUR' } } });
  });

  it('accepts null for an OpenAPI 3.0 `nullable: true` field, in a body and in a response', async () => {
    expect(
      await call(legacy, 'updateProfile', { path: { id: 'p1' }, body: { nickname: null } }),
    ).toMatchObject({
      ok: true,
      value: { nickname: null, address: { city: 'Oslo' } },
    });
    expect(await call(legacy, 'getProfile', { path: { id: 'p1' } })).toMatchObject({
      ok: true,
      value: { id: 'p1', nickname: null, age: null, tier: null, address: null },
    });
  });
});
