import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeExample, ServiceSpec } from '../../../lib/client/index.js';
import { generate } from '../../../lib/codegen/generate.js';
import type { RouteTable, SharedSchema } from '../../../lib/server/index.js';
import {
  FIXTURE_SPECS,
  type FixtureOutput,
  generateFixtures,
} from '../../fixtures/codegen/generate-fixtures.js';

/** Fixture services by short key: folder name and the camelCase prefix of their exports. */
const SERVICES = {
  edge: ['edge-service', 'edgeService'],
  shapes: ['shapes-service', 'shapesService'],
  legacy: ['legacy-service', 'legacyService'],
  tree: ['tree-service', 'treeService'],
} as const;
type Service = keyof typeof SERVICES;

/** The generated values of every fixture service, imported from the temp output. */
interface Output {
  routes: Record<Service, RouteTable>;
  shared: Record<Service, readonly SharedSchema[]>;
  specs: Record<Service, ServiceSpec>;
  examples: Record<Service, Record<string, FakeExample | null>>;
  text(file: string): string;
}

let out: FixtureOutput;
const o = {} as Output;

beforeAll(async () => {
  out = await generateFixtures();
  o.routes = {} as Output['routes'];
  o.shared = {} as Output['shared'];
  o.specs = {} as Output['specs'];
  o.examples = {} as Output['examples'];
  for (const [key, [name, camel]] of Object.entries(SERVICES) as [Service, readonly [string, string]][]) {
    const server = await out.load<Record<string, unknown>>(`${name}/server.ts`);
    o.routes[key] = server[`${camel}Routes`] as RouteTable;
    o.shared[key] = server[`${camel}Schemas`] as readonly SharedSchema[];
    o.specs[key] = (await out.load<Record<string, ServiceSpec>>(`${name}/client.ts`))[
      `${camel}Spec`
    ] as ServiceSpec;
    o.examples[key] = (await out.load<Record<string, Output['examples'][Service]>>(`${name}/fake.ts`))[
      `${camel}Examples`
    ] as Output['examples'][Service];
  }
  o.text = out.read;
});

afterAll(() => out?.cleanup());

/**
 * Follows `keys` into a route's schema (`schema('edge', 'getGreeting', 'response', '200')`), with every `$ref`
 * to one of the service's shared schemas replaced by that schema (its `$id` left out).
 */
function schema(service: Service, op: string, ...keys: string[]): unknown {
  const byId = new Map(o.shared[service].map(({ $id, ...rest }) => [$id, rest]));
  const inline = (node: unknown, depth = 0): unknown => {
    if (depth > 20 || typeof node !== 'object' || node === null) return node;
    if (Array.isArray(node)) return node.map((v) => inline(v, depth + 1));
    const { $ref, ...rest } = node as Record<string, unknown>;
    if (typeof $ref === 'string' && byId.has($ref)) return inline({ ...byId.get($ref), ...rest }, depth + 1);
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v, depth + 1)]));
  };
  let node: unknown = o.routes[service][op]?.schema;
  for (const key of keys) node = (inline(node) as Record<string, unknown> | undefined)?.[key];
  return inline(node);
}
/** Every `$ref` in `node`. */
const refsIn = (node: unknown): string[] =>
  typeof node !== 'object' || node === null
    ? []
    : Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsIn(v)));
const op = (service: Service, id: string) => o.specs[service].operations[id];
const nickname = { type: ['string', 'null'], maxLength: 40 };
const errorSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: { error: { type: 'string', maxLength: 200 } },
};

type Case = [name: string, actual: () => unknown, expected: unknown];

const routeCases: Case[] = [
  [
    '3.0 nullable string → type array',
    () => schema('legacy', 'getProfile', 'response', '200', 'properties', 'nickname'),
    nickname,
  ],
  [
    '3.0 nullable in a request body → type array',
    () => schema('legacy', 'updateProfile', 'body', 'properties', 'nickname'),
    nickname,
  ],
  [
    '3.0 nullable enum → null added to type and enum',
    () => schema('legacy', 'getProfile', 'response', '200', 'properties', 'tier'),
    { type: ['string', 'null'], enum: ['free', 'pro', null] },
  ],
  [
    '3.0 boolean exclusiveMinimum → numeric',
    () => schema('legacy', 'getProfile', 'response', '200', 'properties', 'age'),
    { type: ['integer', 'null'], exclusiveMinimum: 0 },
  ],
  [
    '3.0 nullable allOf (no type) → anyOf with null',
    () => schema('legacy', 'getProfile', 'response', '200', 'properties', 'address'),
    {
      anyOf: [
        {
          allOf: [
            {
              type: 'object',
              additionalProperties: false,
              required: ['city'],
              properties: { city: { type: 'string', maxLength: 40 } },
            },
          ],
        },
        { type: 'null' },
      ],
    },
  ],
  [
    'no OpenAPI-only keyword (`nullable`) is left for Ajv',
    () => JSON.stringify(o.routes.legacy).includes('nullable'),
    false,
  ],
  [
    '3.1 type array kept as is',
    () => schema('shapes', 'getPricedItem', 'response', '200', 'allOf', '0', 'properties', 'note'),
    { type: ['string', 'null'], maxLength: 100 },
  ],
  [
    'optional body also accepts null (Fastify validates an absent body as null)',
    () => (schema('edge', 'postItemsItemIdTouch', 'body', 'anyOf') as unknown[])?.[1],
    { type: 'null' },
  ],
  ['required body is not wrapped', () => schema('edge', 'upsertItem', 'body', 'type'), 'object'],
  [
    'header params lower-cased, required listed, headers left open',
    () => schema('edge', 'upsertItem', 'headers'),
    {
      type: 'object',
      properties: {
        'x-request-id': { type: 'string', maxLength: 64 },
        'if-match': { type: 'string', maxLength: 64 },
      },
      required: ['x-request-id'],
    },
  ],
  [
    'path-level parameter reaches every operation of the path',
    () => ['itemExists', 'getItem', 'upsertItem', 'deleteItem'].map((id) => schema('edge', id, 'params')),
    Array(4).fill({
      type: 'object',
      properties: { itemId: { type: 'integer', minimum: 1 } },
      required: ['itemId'],
      additionalProperties: false,
    }),
  ],
  [
    'query params typed, required one listed, closed',
    () => schema('edge', 'listItems', 'querystring'),
    {
      type: 'object',
      properties: {
        owner: { type: 'string', maxLength: 20 },
        limit: { type: 'integer', minimum: 1, maximum: 100 },
        tag: { type: 'array', maxItems: 5, items: { type: 'string', maxLength: 20 } },
      },
      required: ['owner'],
      additionalProperties: false,
    },
  ],
  [
    'optional-only query has no `required`',
    () => schema('edge', 'getGreeting', 'querystring'),
    {
      type: 'object',
      properties: { lang: { type: 'string', enum: ['en', 'fr'] } },
      additionalProperties: false,
    },
  ],
  [
    'text/plain response schema is the string schema',
    () => schema('edge', 'getGreeting', 'response', '200'),
    { type: 'string', maxLength: 100 },
  ],
  [
    '204 has no response schema, 404 has the shared Error',
    () => schema('edge', 'deleteItem', 'response'),
    { '404': errorSchema },
  ],
  [
    '200 and 201 both get a schema',
    () => Object.keys(schema('edge', 'upsertItem', 'response') as object),
    ['200', '201'],
  ],
  ['`default` response keeps its key', () => schema('edge', 'listItems', 'response', 'default'), errorSchema],
  [
    'oneOf kept, discriminator dropped, variants inlined',
    () =>
      (schema('shapes', 'createPet', 'body', 'oneOf') as { properties: { kind: unknown } }[]).map(
        (v) => v.properties.kind,
      ),
    [{ const: 'cat' }, { const: 'dog' }],
  ],
  [
    'no discriminator in route or shared schemas',
    () => /discriminator/.test(JSON.stringify([o.routes, o.shared])),
    false,
  ],
  [
    'every $ref of routes and shared schemas names a shared schema of the same service',
    () =>
      (Object.keys(SERVICES) as Service[]).flatMap((s) => {
        const ids = new Set(o.shared[s].map((x) => x.$id));
        return refsIn([o.routes[s], o.shared[s]]).filter((ref) => !ids.has(ref));
      }),
    [],
  ],
  [
    'a component used by several routes is carried once and referred to by its namespaced $id',
    () => [
      o.shared.edge.filter((x) => x.$id === 'switchboard:edge-service/Error').length,
      refsIn(o.routes.edge).filter((ref) => ref === 'switchboard:edge-service/Error').length,
    ],
    [1, 3],
  ],
  [
    'only the components the routes need, in the spec order (a sibling-file one hoisted)',
    () => o.shared.shapes.map((x) => x.$id),
    ['Cat', 'Dog', 'Pet', 'Labels', 'ItemBase', 'PricedItem', 'Error', 'Money'].map(
      (n) => `switchboard:shapes-service/${n}`,
    ),
  ],
  [
    'a recursive component refers to itself by $id',
    () => o.shared.tree.find((x) => x.$id === 'switchboard:tree-service/TreeNode')?.properties,
    expect.objectContaining({
      children: { type: 'array', maxItems: 5, items: { $ref: 'switchboard:tree-service/TreeNode' } },
    }),
  ],
  [
    'a component no route reaches is left out',
    () => o.shared.tree.some((x) => x.$id.endsWith('/Unreferenced')),
    false,
  ],
  [
    'allOf with a sibling-file $ref inlined',
    () => schema('shapes', 'getPricedItem', 'response', '200', 'allOf', '1', 'properties', 'price'),
    {
      type: 'object',
      additionalProperties: false,
      required: ['amount', 'currency'],
      properties: {
        amount: { type: 'integer', minimum: 0 },
        currency: { type: 'string', enum: ['EUR', 'USD'] },
      },
    },
  ],
  [
    'map: additionalProperties schema and maxProperties',
    () => schema('shapes', 'putLabels', 'body'),
    { type: 'object', maxProperties: 20, additionalProperties: { type: 'string', maxLength: 50 } },
  ],
  [
    'enum and array in an allOf member',
    () => schema('shapes', 'getPricedItem', 'response', '200', 'allOf', '0', 'properties', 'tags'),
    { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 20 } },
  ],
  [
    'method and Fastify url',
    () => [
      o.routes.edge.getGreeting?.method,
      o.routes.edge.getGreeting?.url,
      o.routes.edge.deleteItem?.method,
      o.routes.legacy.updateProfile?.method,
    ],
    ['GET', '/greetings/:name', 'DELETE', 'PATCH'],
  ],
  [
    'a declared HEAD comes before the GET of its path (Fastify would reject it after)',
    () => Object.values(o.routes.edge).flatMap((r) => (r.url === '/items/:itemId' ? [r.method] : [])),
    ['HEAD', 'GET', 'PUT', 'DELETE'],
  ],
  [
    'no operationId → camelCase id from method and path',
    () =>
      o.routes.edge.postItemsItemIdTouch && [
        o.routes.edge.postItemsItemIdTouch.operationId,
        o.routes.edge.postItemsItemIdTouch.url,
      ],
    ['postItemsItemIdTouch', '/items/:itemId/touch'],
  ],
];

const clientCases: Case[] = [
  ['text success → parseAs text', () => op('edge', 'getGreeting')?.parseAs, 'text'],
  ['JSON success → parseAs json', () => op('edge', 'upsertItem')?.parseAs, 'json'],
  [
    'x-timeout-ms and x-retry carried',
    () => op('edge', 'upsertItem'),
    expect.objectContaining({ timeoutMs: 1500, retry: { maxAttempts: 3, baseDelayMs: 50 } }),
  ],
  [
    'no extension → no timeoutMs/retry key',
    () => Object.keys(op('edge', 'getGreeting') ?? {}).filter((k) => k === 'timeoutMs' || k === 'retry'),
    [],
  ],
  [
    'statuses listed in order, `default` only as hasDefault',
    () => [
      op('edge', 'upsertItem')?.statuses,
      op('edge', 'listItems')?.statuses,
      op('edge', 'listItems')?.hasDefault,
      op('edge', 'deleteItem')?.hasDefault,
    ],
    [[200, 201], [200], true, false],
  ],
  [
    'idempotent: PUT/DELETE/GET/HEAD yes, POST/PATCH no, x-idempotent overrides',
    () =>
      [
        op('edge', 'upsertItem'),
        op('edge', 'deleteItem'),
        op('edge', 'getGreeting'),
        op('shapes', 'createPet'),
        op('legacy', 'updateProfile'),
        op('edge', 'postItemsItemIdTouch'),
        op('edge', 'itemExists'),
      ].map((x) => x?.idempotent),
    [true, true, true, false, false, true, true],
  ],
  [
    'no security → empty alternatives and no schemes',
    () => [op('edge', 'getGreeting')?.security, o.specs.edge.schemes],
    [[], {}],
  ],
  [
    'input: optional body is optional, path required',
    () =>
      /export type PostItemsItemIdTouchInput = \{\n {2}path: [^\n]+\n {2}body\?: /.test(
        o.text('edge-service/client.ts'),
      ),
    true,
  ],
  [
    'input: required headers, optional-only query is optional',
    () => [
      /\n {2}headers: NonNullable<UpsertItemOp/.test(o.text('edge-service/client.ts')),
      /\n {2}query\?: NonNullable<GetGreetingOp/.test(o.text('edge-service/client.ts')),
    ],
    [true, true],
  ],
  [
    'result: one Success per 2xx, default as HttpError<number>',
    () => [
      /Success<200, UpsertItemOp[^\n]+\n {2}\| Success<201, UpsertItemOp/.test(
        o.text('edge-service/client.ts'),
      ),
      /HttpError<number, ListItemsOp\['responses'\]\['default'\]/.test(o.text('edge-service/client.ts')),
    ],
    [true, true],
  ],
  [
    'handler request keys headers by lower-case name, typed by spec name',
    () =>
      o
        .text('edge-service/server.ts')
        .includes(
          `{ "x-request-id": NonNullable<UpsertItemOp['parameters']['header']>["X-Request-Id"]; "if-match"?: NonNullable<UpsertItemOp['parameters']['header']>["If-Match"] }`,
        ),
    true,
  ],
  [
    'handler reply: 204 without body, default as status number',
    () => [
      o.text('edge-service/server.ts').includes('{ status: 204; body?: undefined;'),
      /ListItemsReply = Replied<\n[^;]+;[^\n]+\n {2}\| \{ status: number; body: ListItemsOp\['responses'\]\['default'\]/.test(
        o.text('edge-service/server.ts'),
      ),
    ],
    [true, true],
  ],
];

const fakeCases: Case[] = [
  ['text example', () => o.examples.edge.getGreeting, { status: 200, value: 'Hello, Ada' }],
  [
    'first success status of 200/201',
    () => o.examples.edge.upsertItem,
    { status: 200, value: { id: 1, name: 'replaced' } },
  ],
  [
    '201-only operation answers 201',
    () => o.examples.shapes.createPet,
    { status: 201, value: { kind: 'cat', name: 'Tom', livesLeft: 9 } },
  ],
  ['first of `examples`', () => o.examples.shapes.putLabels, { status: 200, value: { team: 'payments' } }],
  [
    '204 → value undefined, like the real client',
    () => [
      o.examples.edge.deleteItem?.status,
      o.examples.edge.deleteItem && 'value' in o.examples.edge.deleteItem,
      o.examples.edge.deleteItem?.value,
    ],
    [204, true, undefined],
  ],
  [
    'no example → null',
    () => [o.examples.shapes.getPricedItem, o.examples.edge.postItemsItemIdTouch],
    [null, null],
  ],
  [
    '3.0 example with nulls',
    () => o.examples.legacy.getProfile,
    { status: 200, value: { id: 'p1', nickname: null, age: 42, tier: 'pro', address: null } },
  ],
];

describe('generated output of the fixture specs', () => {
  it('generates one folder per service spec; shared.yaml (no paths) is not a service', () => {
    const folders = readdirSync(out.outDir, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(folders.map((d) => d.name).sort()).toEqual([
      'edge-service',
      'legacy-service',
      'shapes-service',
      'stream-service',
      'tree-service',
      'upload-service',
    ]);
    expect(readdirSync(`${out.outDir}/edge-service`)).toEqual(
      expect.arrayContaining(['client.ts', 'fake.ts', 'server.ts', 'types.ts']),
    );
    expect(out.read('index.ts')).not.toMatch(/shared/i);
  });

  it('is deterministic: a check run right after reports no difference', async () => {
    expect(
      (await generate({ specsDir: FIXTURE_SPECS, outDir: out.outDir, check: true })).differences,
    ).toEqual([]);
  });

  it('fake answers like the real client: example by default, undefined for 204, throws without example', async () => {
    type Fake = Record<string, (input?: unknown) => Promise<unknown>> & {
      calls: Record<string, unknown[][]>;
    };
    const fake = (
      await out.load<Record<string, () => Fake>>('edge-service/fake.ts')
    ).createFakeEdgeServiceClient?.() as Fake;
    expect(await fake.getGreeting?.({ path: { name: 'x' } })).toMatchObject({
      ok: true,
      status: 200,
      value: 'Hello, Ada',
    });
    const deleted = (await fake.deleteItem?.({ path: { itemId: 1 } })) as { value?: unknown };
    expect(deleted).toMatchObject({ ok: true, status: 204 });
    expect('value' in deleted && deleted.value === undefined).toBe(true);
    await expect(fake.postItemsItemIdTouch?.({ path: { itemId: 1 } })).rejects.toThrow(
      /has no example in the spec/,
    );
    expect(fake.calls.deleteItem).toEqual([[{ path: { itemId: 1 } }]]);
  });

  describe('route table', () =>
    it.each(routeCases)('%s', (_, actual, expected) => expect(actual()).toEqual(expected)));
  describe('client operation table and types', () =>
    it.each(clientCases)('%s', (_, actual, expected) => expect(actual()).toEqual(expected)));
  describe('fake examples', () =>
    it.each(fakeCases)('%s', (_, actual, expected) => expect(actual()).toEqual(expected)));
});
