import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdoptionOutput, generateAdoption } from '../../fixtures/codegen/adoption/generate-adoption.js';
import { type CompiledCases, compileTypeCases, type TypeCase } from '../../helpers/type-cases.js';

// The adoption specs' output must type-check under the repo's tsconfig, and its types must say what the
// spec says: each case is one deliberate mistake that must yield exactly that diagnostic; the control
// file holds every case corrected and must compile cleanly (see type-errors.test.ts for the method).

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const PREAMBLE = `import { respond } from '../../lib/server/index.js';
import type { WireServiceClient } from './out/wire-service/client.js';
import type { WireServiceHandlers } from './out/wire-service/server.js';
import type { HooksServiceWebhookHandlers } from './out/hooks-service/webhooks.js';
import type { MediaServiceClient } from './out/media-service/client.js';
import type { MediaServiceHandlers } from './out/media-service/server.js';
export async function check(wire: WireServiceClient, media: MediaServiceClient): Promise<void> {
  type WH = WireServiceHandlers;
  type HH = HooksServiceWebhookHandlers;
  type MH = MediaServiceHandlers;
`;
const CASE_LINE = PREAMBLE.split('\n').length - 1;

interface Case extends TypeCase {
  expected: RegExp;
  code?: number;
}

const member = `path: { 'enterprise-team': 't', 'member.id': 1 }`;
const job = `const r = await wire.startJob({ body: { kind: 'k' } });`;

const CASES: Case[] = [
  {
    name: 'a range narrows by status: 418 is the 4XX Problem, not the listed 409 Error',
    bad: `${job} if (!r.ok && r.error.status === 418) void r.error.body.error;`,
    good: `${job} if (!r.ok && r.error.status === 418) void r.error.body.title;`,
    expected: /Property 'error' does not exist on type '\{ title: string; status: number; \}'/,
  },
  {
    name: 'a listed status is not the range: 409 is the Error',
    bad: `${job} if (!r.ok && r.error.status === 409) void r.error.body.title;`,
    good: `${job} if (!r.ok && r.error.status === 409) void r.error.body.error;`,
    expected: /Property 'title' does not exist on type '\{ error: string; \}'/,
  },
  {
    name: 'a 2XX success has a status of the range only',
    bad: `${job} if (r.ok) { const s: 300 = r.status; void s; }`,
    good: `${job} if (r.ok) { const s: number = r.status; void r.value.jobId; void s; }`,
    expected: /is not assignable to type '300'/,
  },
  {
    name: 'the required cookie parameter',
    bad: `await wire.getMember({ ${member}, cookies: { theme: 'dark' } });`,
    good: `await wire.getMember({ ${member}, cookies: { session: 's', theme: 'dark' } });`,
    expected: /Property 'session' is missing/,
  },
  {
    name: 'a cookie parameter typed by its schema',
    bad: `await wire.getMember({ ${member}, cookies: { session: 's', visits: '3' } });`,
    good: `await wire.getMember({ ${member}, cookies: { session: 's', visits: 3 } });`,
    expected: /Type 'string' is not assignable to type 'number'/,
  },
  {
    name: 'path parameters keep their spec names',
    bad: `await wire.getMember({ path: { enterprise_team: 't', 'member.id': 1 }, cookies: { session: 's' } });`,
    good: `await wire.getMember({ path: { 'enterprise-team': 't', 'member.id': 1 }, cookies: { session: 's' } });`,
    expected: /'enterprise_team' does not exist in type/,
  },
  {
    name: 'a handler answers an unlisted 4xx with the 4XX body',
    bad: `const h: WH['getMember'] = () => respond(418, { error: 'teapot' }); void h;`,
    good: `const h: WH['getMember'] = () => respond(418, { title: 'teapot', status: 418 }); void h;`,
    expected: /'error' does not exist in type '\{ title: string; status: number; \}'/,
    code: 2353,
  },
  {
    name: 'a body-less range (5XX) takes no body',
    bad: `const h: WH['getMember'] = () => respond(503, { error: 'down' }); void h;`,
    good: `const h: WH['getMember'] = () => respond(503); void h;`,
    expected: /not assignable to parameter of type 'undefined'/,
  },
  {
    name: 'a 2XX handler answers any 2xx with the 2XX body',
    bad: `const h: WH['startJob'] = () => respond(202, {}); void h;`,
    good: `const h: WH['startJob'] = () => respond(202, { jobId: 'j' }); void h;`,
    expected: /Property 'jobId' is missing/,
  },
  {
    name: 'a status outside every documented range is refused',
    bad: `const h: WH['startJob'] = () => respond(302, { jobId: 'j' }); void h;`,
    good: `const h: WH['startJob'] = () => respond(409, { error: 'busy' }); void h;`,
    expected: /Argument of type '302' is not assignable to parameter of type/,
    code: 2345,
  },
  {
    name: 'handler cookies are typed, an optional one possibly undefined',
    bad: `const h: WH['getMember'] = ({ cookies }) => respond(404, { error: cookies.visits.toFixed() }); void h;`,
    good: `const h: WH['getMember'] = ({ cookies }) => respond(404, { error: cookies.session + (cookies.visits ?? 0) }); void h;`,
    expected: /'cookies.visits' is possibly 'undefined'/,
  },
  {
    name: 'handler path parameters under their spec names',
    bad: `const h: WH['getMember'] = ({ params }) => respond(404, { error: params.enterprise_team }); void h;`,
    good: `const h: WH['getMember'] = ({ params }) => respond(404, { error: params['enterprise-team'] }); void h;`,
    expected: /Property 'enterprise_team' does not exist/,
  },
  {
    name: 'a webhook handler answers with its documented body',
    bad: `const h: HH['onPetAdded'] = () => respond(200, { received: 'yes' }); void h;`,
    good: `const h: HH['onPetAdded'] = ({ body, headers }) => respond(200, { received: body.name === headers['x-signature'] }); void h;`,
    expected: /Type 'string' is not assignable to type 'boolean'/,
  },
  {
    name: 'a callback handler reads the delivered body as the spec types it',
    bad: `const h: HH['deliverEvent'] = ({ body }) => (body.kind === 'moved' ? respond(400) : respond(204)); void h;`,
    good: `const h: HH['deliverEvent'] = ({ body }) => (body.kind === 'deleted' ? respond(410) : respond(204)); void h;`,
    expected: /This comparison appears to be unintentional/,
  },
  {
    name: 'a merge-patch+json body is typed by its schema',
    bad: `await media.patchNote({ path: { id: 'n' }, body: { title: 1 } });`,
    good: `await media.patchNote({ path: { id: 'n' }, body: { title: 't', pinned: true } });`,
    expected: /Type 'number' is not assignable to type 'string'/,
  },
  {
    name: 'a problem+json error body is typed by its schema',
    bad: `const r = await media.patchNote({ path: { id: 'n' }, body: {} }); if (!r.ok && r.error.status === 404) void r.error.body.error;`,
    good: `const r = await media.patchNote({ path: { id: 'n' }, body: {} }); if (!r.ok && r.error.status === 404) void r.error.body.title;`,
    expected: /Property 'error' does not exist on type '\{ title: string; status: number; \}'/,
  },
  {
    name: 'a form body is the schema object, numbers as numbers',
    bad: `await media.logIn({ body: { user: 'u', age: '3' } });`,
    good: `await media.logIn({ body: { user: 'u', age: 3, remember: true, scopes: ['a', 'b'] } });`,
    expected: /Type 'string' is not assignable to type 'number'/,
  },
  {
    name: 'a binary upload takes a Blob, bytes or a stream, not a string',
    bad: `await media.putAvatar({ path: { id: 'a' }, body: 'png' });`,
    good: `await media.putAvatar({ path: { id: 'a' }, body: new Uint8Array([1]) }); await media.putAvatar({ path: { id: 'a' }, body: new Blob(['x']) }); await media.putAvatar({ path: { id: 'a' }, body: ReadableStream.from([new Uint8Array([1])]) });`,
    // tsc prints the union's members in type creation order.
    expected: /Type 'string' is not assignable to type '(?=.*Blob)(?=.*Uint8Array)(?=.*ReadableStream).*'/,
  },
  {
    name: 'a binary download reads as bytes',
    bad: `const r = await media.getReport({ path: { id: 'r' } }); if (r.ok) { const s: string = r.value; void s; }`,
    good: `const r = await media.getReport({ path: { id: 'r' } }); if (r.ok) { const b: Uint8Array = r.value; void b; }`,
    expected: /Type 'Uint8Array.*' is not assignable to type 'string'/,
  },
  {
    name: 'a handler receives a binary body as a Buffer',
    bad: `const h: MH['putAvatar'] = ({ body }) => respond(200, { bytes: body.size, sha: '' }); void h;`,
    good: `const h: MH['putAvatar'] = ({ body }) => respond(200, { bytes: body.length, sha: body.toString('hex') }); void h;`,
    expected: /Property 'size' does not exist on type 'Buffer/,
  },
  {
    name: 'a handler answers a binary response with bytes or a stream',
    bad: `const h: MH['getReport'] = () => respond(200, 'pdf'); void h;`,
    good: `const h: MH['getReport'] = () => respond(200, Buffer.from('pdf')); const s: MH['getReport'] = () => respond(200, ReadableStream.from([Buffer.from('pdf')])); void h; void s;`,
    expected: /'string' is not assignable to parameter of type '(?=.*Uint8Array)(?=.*ReadableStream)/,
  },
];

let out: AdoptionOutput;
let compiled: CompiledCases;
let dir: string;
let generated: string[];
const messages = (file: string) => compiled.messages(file);

beforeAll(async () => {
  out = await generateAdoption(join(REPO, 'test'), '.tmp-adoption-types-');
  compiled = compileTypeCases(REPO, out.outDir, PREAMBLE, CASES);
  ({ dir, generated } = compiled);
});

afterAll(() => out?.cleanup());

describe('the types generated for ranges, cookies and renamed path parameters', () => {
  it('the generated output of every adoption spec and the control file compile cleanly', () => {
    // index.ts, then client, document, fake, server and types of each of the five services, and webhooks.ts
    expect(generated.length).toBe(27);
    expect(generated.flatMap((f) => messages(f).map((m) => `${f}: ${m.text}`))).toEqual([]);
    expect(messages(join(dir, 'control.ts'))).toEqual([]);
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))('%s', (_, i) => {
    const c = CASES[i] as Case;
    const found = messages(compiled.caseFile(i));
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(CASE_LINE);
    expect(found[0]?.text).toMatch(c.expected);
    if (c.code !== undefined) expect(found[0]?.code).toBe(c.code);
  });
});
