import Fastify, { type FastifyInstance } from 'fastify';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport } from '../../../lib/client/index.js';
import { formatReport, verifyProvider } from '../../../lib/contract/verify/index.js';
import type { UploadedFile } from '../../../lib/server/index.js';
import {
  FIXTURE_SPECS,
  type FixtureOutput,
  generateFixtures,
} from '../../fixtures/codegen/generate-fixtures.js';

interface Form {
  title: string;
  count?: number;
  tags?: string[];
  avatar: UploadedFile;
  attachments?: UploadedFile[];
}
type Call = (input: unknown) => Promise<{ ok: boolean; status?: number; value?: unknown; error?: unknown }>;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);

/** The media types putPicture was called with (verify must send each of the three the spec lists). */
const pictureTypes = new Set<string>();

const handlers = {
  putPicture: ({ body, headers }: { body: unknown; headers: Record<string, string> }) => {
    const type = headers['content-type']?.split(';')[0];
    pictureTypes.add(type ?? '');
    if (Buffer.isBuffer(body)) return { status: 200, body: { as: type, bytes: body.length } };
    const picture = (body as { picture?: UploadedFile }).picture;
    if (picture !== undefined) return { status: 200, body: { as: type, bytes: picture.data.length } };
    return { status: 200, body: { as: type } };
  },
  putScan: ({ body, headers }: { body: unknown; headers: Record<string, string> }) => ({
    status: 200,
    body: { as: headers['content-type'], bytes: Buffer.isBuffer(body) ? body.length : -1 },
  }),
  createUpload: ({ body }: { body: Form }) => ({
    status: 201,
    body: {
      title: body.title,
      ...(body.count === undefined ? {} : { count: body.count }),
      ...(body.tags === undefined ? {} : { tags: body.tags }),
      avatarBytes: body.avatar.data.length,
      avatarName: body.avatar.filename,
      avatarType: body.avatar.contentType,
      attachmentNames: (body.attachments ?? []).map((f) => `${f.filename}:${f.data.toString('utf8')}`),
    },
  }),
};

let out: FixtureOutput;
let app: FastifyInstance;
let baseUrl: string;
const transport = createTransport();
let createUpload: Call;
let putPicture: Call;

beforeAll(async () => {
  out = await generateFixtures();
  const server = await out.load<Record<string, unknown>>('upload-service/server.ts');
  app = Fastify();
  await app.register(server.uploadServiceRoutesPlugin as never, {
    handlers,
    bodyLimit: { createUpload: 4096 },
  });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const { createUploadServiceClient } = await out.load<{
    createUploadServiceClient: (options: unknown) => { createUpload: Call; putPicture: Call };
  }>('upload-service/client.ts');
  const client = createUploadServiceClient({ baseUrl, transport, resilience: false });
  createUpload = client.createUpload;
  putPicture = (client as unknown as { putPicture: Call }).putPicture;
});

afterAll(async () => {
  await transport.close();
  await app?.close();
  out?.cleanup();
});

describe('multipart/form-data through a generated client and route table', () => {
  it('sends fields and files; the handler gets coerced fields and files with their names and types', async () => {
    const r = await createUpload({
      body: {
        title: 'Holiday',
        count: 3,
        tags: ['sea', 'sun'],
        avatar: new Blob([PNG], { type: 'image/png' }),
        attachments: [
          { data: new TextEncoder().encode('one'), filename: 'a.txt', contentType: 'text/plain' },
          new File(['two'], 'b.txt', { type: 'text/plain' }),
        ],
      },
    });
    expect(r.ok && r.status).toBe(201);
    expect(r.value).toEqual({
      title: 'Holiday',
      count: 3,
      tags: ['sea', 'sun'],
      avatarBytes: PNG.length,
      avatarName: 'blob',
      avatarType: 'image/png',
      attachmentNames: ['a.txt:one', 'b.txt:two'],
    });
  });

  it('takes a single-item list as a list and bytes without a name as application/octet-stream', async () => {
    const r = await createUpload({ body: { title: 't', tags: ['only'], avatar: PNG } });
    expect(r.value).toMatchObject({
      tags: ['only'],
      avatarName: 'blob',
      avatarType: 'application/octet-stream',
    });
  });

  it('answers 400 for a missing required file, text in a file field, or a field of the wrong type', async () => {
    const missing = await createUpload({ body: { title: 't' } });
    expect(missing.ok || (missing.error as { status: number }).status).toBe(400);
    const text = await createUpload({ body: { title: 't', avatar: 'not a file' } });
    expect(text.ok || (text.error as { status: number }).status).toBe(400);
    const count = await createUpload({ body: { title: 't', count: 'many', avatar: PNG } });
    expect(count.ok || (count.error as { status: number }).status).toBe(400);
  });

  it('answers 413 above the route body limit and 400 for a body that is not multipart', async () => {
    const big = await createUpload({ body: { title: 't', avatar: new Uint8Array(8192) } });
    // 413 is not in this spec: the client reports it as an undocumented answer.
    expect(big.ok || (big.error as { httpStatus: number }).httpStatus).toBe(413);
    const broken = await request(`${baseUrl}/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: 'this is not multipart',
    });
    expect(broken.statusCode).toBe(400);
    expect(await broken.body.json()).toMatchObject({ error: expect.any(String) });
  });

  it('sends the media type the call picks (JSON by default), each validated by its own schema', async () => {
    expect((await putPicture({ body: { url: 'https://x/p.png' } })).value).toEqual({
      as: 'application/json',
    });
    const bytes = await putPicture({ contentType: 'image/png', body: PNG });
    expect(bytes.value).toEqual({ as: 'image/png', bytes: PNG.length });
    const form = await putPicture({
      contentType: 'multipart/form-data',
      body: { picture: PNG, caption: 'c' },
    });
    expect(form.value).toEqual({ as: 'multipart/form-data', bytes: PNG.length });
    const bad = await putPicture({ body: { url: 'x', extra: 1 } });
    expect(bad.ok || (bad.error as { status: number }).status).toBe(400);
    await expect(putPicture({ contentType: 'text/csv', body: 'a,b' })).rejects.toThrow(
      /putPicture takes no request body of type 'text\/csv'/,
    );
  });

  it('answers 415 for a media type the operation does not take, even one Fastify parses', async () => {
    const res = await request(`${baseUrl}/pictures`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(res.statusCode).toBe(415);
    await res.body.dump();
  });

  it('takes bytes of any type in a media range, the caller naming it, and refuses a type outside it', async () => {
    const scan = new Uint8Array([137, 80, 78, 71]);
    const client = (
      await out.load<{ createUploadServiceClient: (options: unknown) => Record<string, Call> }>(
        'upload-service/client.ts',
      )
    ).createUploadServiceClient({ baseUrl, transport, resilience: false });
    const putScan = client.putScan as Call;
    for (const type of ['image/jpeg', 'image/svg+xml'])
      expect(await putScan({ contentType: type, body: scan })).toMatchObject({
        ok: true,
        value: { as: type, bytes: 4 },
      });
    await expect(putScan({ contentType: 'text/csv', body: scan })).rejects.toThrow(/image\/\*/);
    await expect(putScan({ body: scan })).rejects.toThrow(/needs input.contentType/);
    for (const type of ['text/csv', 'application/octet-stream']) {
      const res = await request(`${baseUrl}/scans`, {
        method: 'PUT',
        headers: { 'content-type': type },
        body: scan,
      });
      expect(res.statusCode).toBe(415);
      await res.body.dump();
    }
  });

  it('keeps its contract under provider verification (valid cases are sent as multipart, and in every media type an operation accepts)', async () => {
    pictureTypes.clear();
    const report = await verifyProvider({
      spec: `${FIXTURE_SPECS}/upload-service.yaml`,
      baseUrl,
      cases: 60,
      seed: 'multipart',
    });
    expect(
      report.operations.flatMap((op) => op.violations),
      formatReport(report),
    ).toEqual([]);
    const op = report.operations.find((o) => o.operationId === 'createUpload');
    expect(op?.statuses[201] ?? 0).toBeGreaterThan(20);
    expect([...pictureTypes].sort()).toEqual(['application/json', 'image/png', 'multipart/form-data']);
  });
});
