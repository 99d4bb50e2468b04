import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerReply, HandlerRequest, RoutesPluginOptions } from '../../../lib/server/index.js';
import { type FixtureOutput, generateFixtures } from '../../fixtures/codegen/generate-fixtures.js';

// Route schemas refer to component schemas by `$id` (registered once with addSchema): recursive schemas
// validate (Ajv) and serialize (fast-json-stringify) at any depth, and two services whose components share
// names live in one Fastify context.
type AnyHandlers = Record<string, (request: HandlerRequest) => HandlerReply>;
type Plugin = (app: FastifyInstance, options: RoutesPluginOptions<AnyHandlers>) => Promise<void>;

/** A 3-level tree; `extra` goes into the deepest node. */
const tree = (extra: Record<string, unknown> = {}) => ({
  name: 'root',
  note: null,
  children: [
    { name: 'branch', children: [{ name: 'leaf', note: 'deep', children: [], ...extra }] },
    { name: 'twig', children: [] },
  ],
});
const predicate = {
  all: [
    { field: 'a', equals: '1' },
    { all: [{ field: 'b', equals: '2' }, { all: [{ field: 'c', equals: '3' }] }] },
  ],
};

const treeHandlers: AnyHandlers = {
  // The deepest node carries a property the schema closes out: the serializer must drop it three levels down.
  getTree: ({ params }) =>
    (params as { treeId: string }).treeId === 'none'
      ? { status: 404, body: { message: 'no such tree', stack: 'hidden' } }
      : { status: 200, body: tree({ secret: 'not in the schema' }) },
  putTree: ({ body }) => ({ status: 200, body }),
  matchPredicate: ({ body }) => ({ status: 200, body: { matched: true, predicate: body, extra: 1 } }),
  getTreeItem: () => ({ status: 200, body: { sku: 'sku-1', name: 'not in the schema' } }),
};

const edgeHandlers: AnyHandlers = {
  getGreeting: () => ({ status: 200, body: 'hi' }),
  setGreeting: () => ({ status: 204 }),
  listItems: () => ({ status: 200, body: { items: [] } }),
  itemExists: () => ({ status: 204 }),
  getItem: ({ params }) => ({
    status: 200,
    body: { id: (params as { itemId: number }).itemId, name: 'lamp' },
  }),
  upsertItem: () => ({ status: 204 }),
  deleteItem: () => ({ status: 204 }),
  postItemsItemIdTouch: () => ({ status: 200, body: { touched: true, note: null } }),
};

let out: FixtureOutput;
let treePlugin: Plugin;
let edgePlugin: Plugin;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  out = await generateFixtures();
  treePlugin = (await out.load<Record<string, Plugin>>('tree-service/server.ts'))
    .treeServiceRoutesPlugin as Plugin;
  edgePlugin = (await out.load<Record<string, Plugin>>('edge-service/server.ts'))
    .edgeServiceRoutesPlugin as Plugin;
});

afterAll(async () => {
  for (const app of apps) await app.close();
  out?.cleanup();
});

/** Listens on a loopback port; returns a fetch bound to it. */
async function serve(app: FastifyInstance) {
  apps.push(app);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return async (path: string, body?: unknown, method = body === undefined ? 'GET' : 'PUT') => {
    const response = await fetch(`${base}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  };
}

describe('recursive schemas over real HTTP', () => {
  let call: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    const app = Fastify();
    await app.register(treePlugin, { handlers: treeHandlers });
    call = await serve(app);
  });

  it('serializes a 3-level tree by the recursive schema, dropping a property the deepest node may not have', async () => {
    const { status, body } = await call('/trees/t1');
    expect(status).toBe(200);
    expect(body).toEqual(tree());
  });

  it('accepts a valid 3-level tree and refuses one whose deepest node breaks the schema', async () => {
    expect(await call('/trees/t1', tree())).toEqual({ status: 200, body: tree() });
    const tooLong = await call('/trees/t1', tree({ name: 'x'.repeat(41) }));
    expect(tooLong.status).toBe(400);
    expect((tooLong.body as { message: string }).message).toMatch(/children\/0\/children\/0\/name/);
    const extra = await call('/trees/t1', tree({ secret: 1 }));
    expect(extra.status).toBe(400);
    expect((await call('/trees/t1', tree({ children: 'none' }))).status).toBe(400);
  });

  it('validates and serializes recursion through anyOf (a predicate of predicates)', async () => {
    const match = (body: unknown) => call('/predicates/match', body, 'POST');
    expect(await match(predicate)).toEqual({ status: 200, body: { matched: true, predicate } });
    const deepBad = { all: [{ all: [{ all: [{ field: 'c' }] }] }] };
    expect((await match(deepBad)).status).toBe(400);
  });

  it('a 3.0 `nullable` inside a shared schema accepts null', async () => {
    expect((await call('/trees/t1', { name: 'n', note: null, children: [] })).status).toBe(200);
  });
});

describe('shared schemas in one Fastify app', () => {
  it('two services whose components share names (Item, Error) in one context: each by its own schema', async () => {
    const app = Fastify();
    // Called directly, not through register: both route tables' schemas land in the root context.
    await edgePlugin(app, { handlers: edgeHandlers });
    await treePlugin(app, { handlers: treeHandlers });
    const call = await serve(app);
    expect(await call('/tree-items/1')).toEqual({ status: 200, body: { sku: 'sku-1' } });
    expect(await call('/items/7')).toEqual({ status: 200, body: { id: 7, name: 'lamp' } });
    expect(await call('/trees/none')).toEqual({ status: 404, body: { message: 'no such tree' } });
  });

  it('the same routes plugin twice in one app (root, then under a prefix) shares the schemas', async () => {
    const app = Fastify();
    await treePlugin(app, { handlers: treeHandlers });
    await app.register(treePlugin, { handlers: treeHandlers, prefix: '/v2' });
    await app.register(treePlugin, { handlers: treeHandlers, prefix: '/v3' });
    const call = await serve(app);
    for (const prefix of ['', '/v2', '/v3']) {
      expect(await call(`${prefix}/trees/t1`)).toEqual({ status: 200, body: tree() });
      expect((await call(`${prefix}/trees/t1`, tree({ secret: 1 }))).status).toBe(400);
    }
  });
});
