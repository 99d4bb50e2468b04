import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientOptions, createTransport, type Transport } from '../../../lib/client/index.js';
import { type FixtureOutput, generateFixtures } from '../../fixtures/codegen/generate-fixtures.js';

/**
 * The pooled transport builds requests itself (lib/client/direct-request.ts) instead of going through
 * openapi-fetch's `coreFetch`. These calls run three ways — the default pooled transport, openapi-fetch with
 * the light Request on the same pool, and openapi-fetch on the global fetch — against a server that records
 * every request, and must send the same method, URL, body and headers and give the same results.
 */
type AnyClient = Record<string, (input?: unknown, options?: unknown) => Promise<Record<string, unknown>>>;

interface Seen {
  method: string;
  url: string;
  body: string;
  headers: IncomingHttpHeaders;
}

const CALLS: [service: string, operation: string, input: unknown, answer: [number, string, string?]][] = [
  [
    'edge',
    'getGreeting',
    { path: { name: 'Ada Lovelace/é' }, query: { lang: 'fr' } },
    [200, 'Bonjour', 'text/plain'],
  ],
  [
    'edge',
    'getGreeting',
    { path: { name: 'nobody' } },
    [404, '{"error":"no such name"}', 'application/json'],
  ],
  ['edge', 'getGreeting', { path: { name: 'x' } }, [500, 'plain failure', 'text/plain']],
  ['edge', 'setGreeting', { path: { name: 'ada' }, body: 'Hi there' }, [204, '']],
  [
    'edge',
    'listItems',
    { query: { owner: 'a b&c', limit: 5, tag: ['x', 'y z'] } },
    [200, '{"items":[]}', 'application/json'],
  ],
  [
    'edge',
    'listItems',
    { query: { owner: 'teapot' } },
    [418, '{"error":"short and stout"}', 'application/json'],
  ],
  ['edge', 'itemExists', { path: { itemId: 1 } }, [204, '']],
  ['edge', 'getItem', { path: { itemId: 2 } }, [200, '{"id":2,"name":"lamp"}', 'application/json']],
  [
    'edge',
    'upsertItem',
    { path: { itemId: 7 }, headers: { 'X-Request-Id': 'req-1', 'If-Match': '"v1"' }, body: { name: 'lamp' } },
    [201, '{"id":7,"name":"lamp"}', 'application/json'],
  ],
  ['edge', 'deleteItem', { path: { itemId: 3 } }, [204, '']],
  [
    'edge',
    'postItemsItemIdTouch',
    { path: { itemId: 4 } },
    [200, '{"touched":true,"note":null}', 'application/json'],
  ],
  [
    'edge',
    'postItemsItemIdTouch',
    { path: { itemId: 4 }, body: { note: 'hi' } },
    [200, '{"touched":true,"note":"hi"}', 'application/json'],
  ],
  [
    'shapes',
    'createPet',
    { body: { kind: 'cat', name: 'Tom', livesLeft: 9 } },
    [201, '{"kind":"cat","name":"Tom","livesLeft":9}', 'application/json'],
  ],
  ['shapes', 'getPricedItem', { path: { id: 'i 1' } }, [200, '', 'application/json']],
];

let out: FixtureOutput;
let server: Server;
let baseUrl: string;
const seen: Seen[] = [];
let answer: [number, string, string?] = [200, ''];
let transport: Transport;

beforeAll(async () => {
  out = await generateFixtures();
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        body: Buffer.concat(chunks).toString(),
        headers: req.headers,
      });
      const [status, body, type] = answer;
      res.writeHead(status, type === undefined ? {} : { 'content-type': type });
      res.end(req.method === 'HEAD' || status === 204 ? undefined : body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  transport = createTransport();
});
afterAll(async () => {
  await transport?.close();
  await new Promise((resolve) => server?.close(resolve));
  out?.cleanup();
});

async function clientsFor(service: string, extra: Partial<ClientOptions>): Promise<AnyClient> {
  const name = `${service}-service`;
  const mod = await out.load<Record<string, (o: ClientOptions) => AnyClient>>(`${name}/client.ts`);
  const create = mod[`create${service.charAt(0).toUpperCase()}${service.slice(1)}ServiceClient`];
  if (create === undefined) throw new Error(`no factory in ${name}`);
  return create({
    baseUrl,
    resilience: false,
    headers: { 'X-Client-Tag': 'c1', 'If-Match': '"client"' },
    ...extra,
  });
}

const MODES: [string, () => Partial<ClientOptions>][] = [
  ['pooled transport (direct)', () => ({ transport })],
  ['openapi-fetch, light Request, same pool', () => ({ fetch: transport.fetch, Request: transport.Request })],
  ['openapi-fetch on global fetch', () => ({ fetch: globalThis.fetch, Request: globalThis.Request })],
];

/** What a Result says, minus the header objects (a different class per mode). */
function comparable(result: Record<string, unknown>): unknown {
  const { headers: _h, ...rest } = result;
  const error = rest.error as Record<string, unknown> | undefined;
  if (error === undefined) return rest;
  const { headers: _eh, cause: _c, message, ...errorRest } = error;
  return {
    ...rest,
    error: { ...errorRest, message: typeof message === 'string' ? message.replace(/\(.*\)$/, '') : message },
  };
}

/** Headers the toolkit controls: global fetch adds its own (user-agent, accept, sec-fetch-mode, …). */
function ownHeaders(headers: IncomingHttpHeaders, names: readonly string[]): Record<string, unknown> {
  const outHeaders: Record<string, unknown> = {};
  for (const name of names) outHeaders[name] = headers[name];
  return outHeaders;
}

describe('the pooled transport sends what openapi-fetch sends', () => {
  it.each(
    CALLS.map((c, i) => [i, ...c] as const),
  )('#%i %s.%s', async (_i, service, operation, input, reply) => {
    answer = reply;
    const results: unknown[] = [];
    const requests: Seen[] = [];
    for (const [, mode] of MODES) {
      seen.length = 0;
      const client = await clientsFor(service, mode());
      const result = await (client[operation] as NonNullable<AnyClient[string]>)(input, {
        correlationId: 'parity-1',
      });
      results.push(comparable(result));
      expect(seen).toHaveLength(1);
      requests.push(seen[0] as Seen);
    }
    const [direct, light, global] = requests as [Seen, Seen, Seen];
    const names = Object.keys(direct.headers).filter((h) => !['host', 'connection'].includes(h));
    for (const other of [light, global]) {
      expect(other.method).toBe(direct.method);
      expect(other.url).toBe(direct.url);
      expect(other.body).toBe(direct.body);
      expect(ownHeaders(other.headers, names)).toEqual(ownHeaders(direct.headers, names));
    }
    // The light path sends nothing more than the direct one; the global fetch only its own defaults.
    expect(Object.keys(light.headers).sort()).toEqual(Object.keys(direct.headers).sort());
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });
});
