import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CallFailure,
  type ClientOptions,
  createTransport,
  type HttpError,
  type Result,
  type Success,
} from '../../../lib/client/index.js';
import { verifyProvider } from '../../../lib/contract/verify/index.js';
import {
  errorHandlerPlugin,
  type HandlerReply,
  type HandlerRequest,
  type RoutesPluginOptions,
} from '../../../lib/server/index.js';
import {
  ADOPTION_SPECS,
  type AdoptionOutput,
  generateAdoption,
} from '../../fixtures/codegen/adoption/generate-adoption.js';

// media-service over real HTTP: a merge-patch+json body and a problem+json answer, a URL-encoded form
// coerced and validated, bytes uploaded (within and over the route's body limit) and a PDF downloaded, on
// the pooled transport, on openapi-fetch over global fetch and on openapi-fetch with the light Request.

type AnyResult = Result<Success<number, unknown>, HttpError<number, unknown> | CallFailure>;
type AnyClient = Record<string, (input?: unknown) => Promise<AnyResult>>;
type AnyHandlers = Record<string, (request: HandlerRequest) => HandlerReply>;
type Plugin = (app: FastifyInstance, options: RoutesPluginOptions<AnyHandlers>) => Promise<void>;

const PDF = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7 + 3) % 256);
const AVATAR_LIMIT = 1024;
const seen: unknown[] = [];
const handlers: AnyHandlers = {
  patchNote: ({ params, body }) => {
    seen.push(body);
    const { id } = params as { id: string };
    if (id === 'gone') return { status: 404, body: { title: 'no such note', status: 404 } };
    return { status: 200, body: { id, title: 'old', pinned: false, ...(body as object) } };
  },
  logIn: ({ body }) => {
    seen.push(body);
    const form = body as { user: string; age: number; remember?: boolean; scopes?: string[] };
    return { status: 200, body: { scopes: [], ...form } };
  },
  putAvatar: ({ body }) => {
    const bytes = body as Buffer;
    seen.push(bytes);
    return { status: 200, body: { bytes: bytes.length, sha: sha(bytes) } };
  },
  getReport: ({ params }) => {
    const { id } = params as { id: string };
    if (id === 'none') return { status: 404, body: { title: 'no report', status: 404 } };
    // Streamed in chunks, as a Node stream or a web stream.
    const chunks = [PDF.subarray(0, 3), PDF.subarray(3)];
    if (id === 'node-stream') return { status: 200, body: Readable.from(chunks) };
    if (id === 'web-stream') return { status: 200, body: ReadableStream.from(chunks) };
    return { status: 200, body: Buffer.from(PDF) };
  },
};

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let out: AdoptionOutput;
let app: FastifyInstance;
let baseUrl: string;
const POOLED = 'the pooled transport';
const FETCH = 'openapi-fetch on global fetch';
const LIGHT = "openapi-fetch with the transport's light Request";
const light = createTransport();
const clients = new Map<string, AnyClient>();

beforeAll(async () => {
  out = await generateAdoption();
  app = Fastify();
  await app.register(errorHandlerPlugin);
  const server = await out.load<{ mediaServiceRoutesPlugin: Plugin }>('media-service/server.ts');
  await app.register(server.mediaServiceRoutesPlugin, { handlers, bodyLimit: { putAvatar: AVATAR_LIMIT } });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const { createMediaServiceClient } = await out.load<{
    createMediaServiceClient: (o: ClientOptions) => AnyClient;
  }>('media-service/client.ts');
  clients.set(POOLED, createMediaServiceClient({ baseUrl, resilience: false }));
  clients.set(FETCH, createMediaServiceClient({ baseUrl, resilience: false, fetch: globalThis.fetch }));
  clients.set(
    LIGHT,
    createMediaServiceClient({ baseUrl, resilience: false, fetch: light.fetch, Request: light.Request }),
  );
});

afterAll(async () => {
  await app?.close();
  await light.close();
  out?.cleanup();
});

const call = (client: AnyClient, name: string, input: unknown) => (client[name] as AnyClient[string])(input);
const each = () => [[POOLED], [FETCH], [LIGHT]] as const;
const clientOf = (name: string) => clients.get(name) as AnyClient;

describe('application/*+json', () => {
  it.each(each())('sends the spec type and reads a problem+json error (%s)', async (name) => {
    const r = await call(clientOf(name), 'patchNote', { path: { id: 'n1' }, body: { pinned: true } });
    expect(r).toMatchObject({ ok: true, status: 200, value: { id: 'n1', title: 'old', pinned: true } });
    const gone = await call(clientOf(name), 'patchNote', { path: { id: 'gone' }, body: {} });
    expect(gone).toMatchObject({
      ok: false,
      error: { kind: 'http', status: 404, body: { title: 'no such note' } },
    });
  });

  it('is parsed as JSON and validated: 400 on an invalid body, problem+json answered with its type', async () => {
    const patch = (body: string) =>
      fetch(`${baseUrl}/notes/n2`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/merge-patch+json' },
        body,
      });
    expect((await patch('{"title":"t"}')).status).toBe(200);
    expect((await patch('{"title":"far too long for the schema"}')).status).toBe(400);
    expect((await patch('{"color":"red"}')).status).toBe(400);
    expect((await patch('{not json')).status).toBe(400);
    const gone = await fetch(`${baseUrl}/notes/gone`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/merge-patch+json' },
      body: '{}',
    });
    expect(gone.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('application/x-www-form-urlencoded', () => {
  it.each(
    each(),
  )('sends the fields URL-encoded, arrays as repeated keys; the handler gets them coerced (%s)', async (name) => {
    const r = await call(clientOf(name), 'logIn', {
      body: { user: 'a b&c', age: 42, remember: false, scopes: ['read', 'write'] },
    });
    expect(r).toMatchObject({
      ok: true,
      value: { user: 'a b&c', age: 42, remember: false, scopes: ['read', 'write'] },
    });
    expect(seen.at(-1)).toEqual({ user: 'a b&c', age: 42, remember: false, scopes: ['read', 'write'] });
    const one = await call(clientOf(name), 'logIn', { body: { user: 'u', age: 1, scopes: ['only'] } });
    expect(one).toMatchObject({ ok: true, value: { scopes: ['only'] } });
  });

  it('is validated after coercion: 400 on an invalid form', async () => {
    const post = (body: string) =>
      fetch(`${baseUrl}/logins`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    expect((await post('user=u&age=7&remember=true')).status).toBe(200);
    expect((await post('user=u&age=seven')).status).toBe(400);
    expect((await post('user=u&age=-1')).status).toBe(400);
    expect((await post('user=u')).status).toBe(400);
    expect((await post('user=u&age=1&admin=1')).status).toBe(400);
  });
});

describe('binary bodies', () => {
  it.each(each())('uploads bytes and a Blob intact with the spec type (%s)', async (name) => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => 255 - (i % 256));
    const r = await call(clientOf(name), 'putAvatar', { path: { id: 'a' }, body: bytes });
    expect(r).toMatchObject({ ok: true, value: { bytes: 1000, sha: sha(bytes) } });
    const blob = await call(clientOf(name), 'putAvatar', { path: { id: 'a' }, body: new Blob([bytes]) });
    expect(blob).toMatchObject({ ok: true, value: { bytes: 1000, sha: sha(bytes) } });
  });

  it.each(each())('uploads a web stream and a Node stream whole (%s)', async (name) => {
    const bytes = Uint8Array.from({ length: AVATAR_LIMIT }, (_, i) => i % 251);
    const parts = [bytes.subarray(0, 100), bytes.subarray(100, 700), bytes.subarray(700)];
    const web = await call(clientOf(name), 'putAvatar', {
      path: { id: 'a' },
      body: ReadableStream.from(parts),
    });
    expect(web).toMatchObject({ ok: true, value: { bytes: AVATAR_LIMIT, sha: sha(bytes) } });
    const node = await call(clientOf(name), 'putAvatar', { path: { id: 'a' }, body: Readable.from(parts) });
    expect(node).toMatchObject({ ok: true, value: { bytes: AVATAR_LIMIT, sha: sha(bytes) } });
  });

  it('fails a call whose body stream is over maxBufferedBodyBytes, before sending anything', async () => {
    const { createMediaServiceClient } = await out.load<{
      createMediaServiceClient: (o: ClientOptions & { maxBufferedBodyBytes?: number }) => AnyClient;
    }>('media-service/client.ts');
    const capped = createMediaServiceClient({ baseUrl, resilience: false, maxBufferedBodyBytes: 500 });
    const before = seen.length;
    const parts = [new Uint8Array(300), new Uint8Array(300)];
    const r = await call(capped, 'putAvatar', { path: { id: 'a' }, body: ReadableStream.from(parts) });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('over the 500 bytes') } });
    expect(seen.length).toBe(before);
    const fits = await call(capped, 'putAvatar', {
      path: { id: 'a' },
      body: ReadableStream.from([parts[0]]),
    });
    expect(fits).toMatchObject({ ok: true, value: { bytes: 300 } });
  });

  it.each(each())('answers 413 over the route body limit (%s)', async (name) => {
    const r = await call(clientOf(name), 'putAvatar', {
      path: { id: 'a' },
      body: new Uint8Array(AVATAR_LIMIT + 1),
    });
    // 413 is not in the spec: an undocumented answer, with its status.
    expect(r).toMatchObject({ ok: false, error: { kind: 'undocumented', httpStatus: 413 } });
    expect(seen.filter((b) => b instanceof Buffer && b.length > AVATAR_LIMIT)).toEqual([]);
  });

  it('refuses a missing required binary body with 400, before the handler runs', async () => {
    const before = seen.length;
    const res = await fetch(`${baseUrl}/avatars/a`, { method: 'PUT' });
    expect(res.status).toBe(400);
    expect(seen.length).toBe(before);
  });

  it('refuses another media type than the spec names with 415', async () => {
    const res = await fetch(`${baseUrl}/avatars/a`, {
      method: 'PUT',
      headers: { 'content-type': 'image/gif' },
      body: new Uint8Array(4),
    });
    expect(res.status).toBe(415);
  });

  it.each(each())('downloads bytes intact (%s)', async (name) => {
    const r = await call(clientOf(name), 'getReport', { path: { id: 'r' } });
    expect(r.ok).toBe(true);
    const value = (r as Success<number, unknown>).value;
    expect(value).toBeInstanceOf(Uint8Array);
    expect(sha(value as Uint8Array)).toBe(sha(PDF));
    const none = await call(clientOf(name), 'getReport', { path: { id: 'none' } });
    expect(none).toMatchObject({ ok: false, error: { status: 404, body: { title: 'no report' } } });
  });

  it.each(each())('downloads what a handler streams, Node or web stream (%s)', async (name) => {
    for (const id of ['node-stream', 'web-stream']) {
      const r = await call(clientOf(name), 'getReport', { path: { id } });
      expect(r.ok).toBe(true);
      expect(sha((r as Success<number, unknown>).value as Uint8Array)).toBe(sha(PDF));
    }
    const raw = await fetch(`${baseUrl}/reports/node-stream`);
    expect(raw.headers.get('content-type')).toBe('application/pdf');
    expect(raw.headers.get('transfer-encoding')).toBe('chunked');
    expect(sha(new Uint8Array(await raw.arrayBuffer()))).toBe(sha(PDF));
  });

  it('answers a binary response with its spec Content-Type', async () => {
    const res = await fetch(`${baseUrl}/reports/r`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(PDF));
  });
});

describe('the generated fake and what stays refused', () => {
  it('a binary response fakes as no bytes unless overridden', async () => {
    const { createFakeMediaServiceClient } = await out.load<{
      createFakeMediaServiceClient: (o?: Partial<AnyClient>) => AnyClient;
    }>('media-service/fake.ts');
    const r = await call(createFakeMediaServiceClient(), 'getReport', { path: { id: 'r' } });
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect((r as Success<number, unknown>).value).toEqual(new Uint8Array());
  });

  it('a multipart/mixed operation is still skipped as unsupported', () => {
    const multipart = out.report.warnings.filter((w) => w.message.startsWith('addAttachment'));
    expect(multipart.map((w) => [w.rule, w.message])).toEqual([
      [
        'unsupported-construct',
        'addAttachment (POST /attachments) skipped: request media types multipart/mixed cannot be generated',
      ],
    ]);
  });
});

describe('switchboard verify on these operations', () => {
  it('finds no violation, with valid (200) and invalid (400) cases for every body kind', async () => {
    // verify refuses a spec with an unsupported construct: the multipart operation is cut out.
    const text = readFileSync(join(ADOPTION_SPECS, 'media-service.yaml'), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-media-verify-'));
    const spec = join(dir, 'media-service.yaml');
    writeFileSync(
      spec,
      text.slice(0, text.indexOf('  /attachments:')) + text.slice(text.indexOf('components:')),
    );
    try {
      const report = await verifyProvider({ spec, baseUrl, cases: 20, seed: 'media' });
      expect(report.operations.flatMap((op) => op.violations)).toEqual([]);
      const byId = Object.fromEntries(report.operations.map((op) => [op.operationId, op]));
      for (const id of ['patchNote', 'logIn', 'putAvatar']) {
        expect(byId[id]?.statuses[200]).toBeGreaterThan(5);
        expect(byId[id]?.statuses[400]).toBeGreaterThan(5);
      }
      expect(byId.getReport?.statuses[200]).toBe(20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
