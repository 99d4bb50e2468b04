import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureOutput, generateFixtures } from '../../fixtures/codegen/generate-fixtures.js';
import { type CompiledCases, compileTypeCases, type TypeCase } from '../../helpers/type-cases.js';

// Proves the compiler really rejects misuse of generated code: each case is a file with one deliberate
// mistake, compiled with the repo's tsconfig options, and must yield exactly that diagnostic on that line
// (a case may span lines: a handler's mistake is reported at its `return`, not at the handler's name).
// A control file with every case's correct form must compile cleanly. Repo cases use the committed
// generated/ output; fixture cases use the fixture specs, generated into a git-ignored test/.tmp-types-*
// folder (inside the repo so `fastify` resolves), whose output must itself type-check.

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const PREAMBLE = `import type { UserServiceClient } from '../../generated/user-service/client.js';
import { respond } from '../../lib/server/index.js';
import type { UserServiceHandlers } from '../../generated/user-service/server.js';
import type { EdgeServiceClient } from './out/edge-service/client.js';
import type { EdgeServiceHandlers } from './out/edge-service/server.js';
import type { LegacyServiceClient } from './out/legacy-service/client.js';
export async function check(users: UserServiceClient, edge: EdgeServiceClient, legacy: LegacyServiceClient): Promise<void> {
  type UH = UserServiceHandlers;
  type EH = EdgeServiceHandlers;
`;
const CASE_LINE = PREAMBLE.split('\n').length - 1;

interface Case extends TypeCase {
  expected: RegExp;
  /** The diagnostic's code, where it matters (TS2353 is the excess-property check). */
  code?: number;
  /** The diagnostic's line within the case, when the case spans lines; 0 by default. */
  line?: number;
}

const getKeys = `const r = await users.getLlmKeys({ path: { uid: 'u1' } });`;
const upsert = `const r = await edge.upsertItem({ path: { itemId: 1 }, headers: { 'X-Request-Id': 'r' }, body: { name: 'a' } });`;

const CASES: Case[] = [
  {
    name: 'wrong path param type',
    bad: `await users.getLlmKeys({ path: { uid: 42 } });`,
    good: `await users.getLlmKeys({ path: { uid: '42' } });`,
    expected: /Type 'number' is not assignable to type 'string'/,
  },
  {
    name: 'missing path param',
    bad: `await users.getLlmKeys({ path: {} });`,
    good: `await users.getLlmKeys({ path: { uid: 'u1' } });`,
    expected: /Property 'uid' is missing/,
  },
  {
    name: 'missing required body field',
    bad: `await users.createUser({ body: { email: 'a@example.com' } });`,
    good: `await users.createUser({ body: { email: 'a@example.com', displayName: 'A' } });`,
    expected: /Property 'displayName' is missing/,
  },
  {
    name: 'undeclared status 418 from a handler, at the return',
    bad: `const h: UH['getLlmKeys'] = async ({ params }) => {\n    if (params.uid === 'x') return respond(404, { error: 'gone' });\n    return respond(418, { error: 'teapot' });\n  }; void h;`,
    good: `const h: UH['getLlmKeys'] = async ({ params }) => {\n    if (params.uid === 'x') return respond(404, { error: 'gone' });\n    return respond(503, { error: 'busy' });\n  }; void h;`,
    expected:
      /^Argument of type '418' is not assignable to parameter of type '200 \| 400 \| 401 \| 404 \| 503'\.$/,
    code: 2345,
    line: 2,
  },
  {
    name: 'wrong body for a declared status',
    bad: `const h: UH['getLlmKeys'] = () => respond(200, { error: 'x' }); void h;`,
    good: `const h: UH['getLlmKeys'] = () => respond(200, { google: null, openai: null, anthropic: 'k' }); void h;`,
    expected:
      /'error' does not exist in type '\{ google: string \| null; openai: string \| null; anthropic: string \| null; \}'/,
    code: 2353,
  },
  {
    name: 'a body property the spec does not have, at the return',
    bad: `const h: UH['getLlmKeys'] = async () => {\n    const keys = { google: null, openai: null, anthropic: 'k' };\n    return respond(200, { ...keys, extra: 1 });\n  }; void h;`,
    good: `const h: UH['getLlmKeys'] = async () => {\n    const keys = { google: null, openai: null, anthropic: 'k' };\n    return respond(200, { ...keys });\n  }; void h;`,
    expected: /^Object literal may only specify known properties, and 'extra' does not exist in type/,
    code: 2353,
    line: 2,
  },
  {
    name: 'a created user with a field the spec lacks',
    bad: `const h: UH['createUser'] = ({ body }) => respond(201, { ...body, id: 'u', tenantId: 't', createdAt: 'c', role: 'admin' }); void h;`,
    good: `const h: UH['createUser'] = ({ body }) => respond(201, { ...body, id: 'u', tenantId: 't', createdAt: 'c' }); void h;`,
    expected: /'role' does not exist in type/,
    code: 2353,
  },
  {
    name: 'a 200 without its body',
    bad: `const h: UH['getLlmKeys'] = () => respond(200); void h;`,
    good: `const h: UH['getLlmKeys'] = () => respond(200, { google: null, openai: null, anthropic: null }); void h;`,
    expected: /^Argument of type '200' is not assignable to parameter of type '"200 needs a body"'\.$/,
    code: 2345,
  },
  {
    name: 'a plain object literal instead of respond(), at the handler',
    bad: `const h: UH['reportLlmKeyUsage'] = async () => {\n    return { status: 204 };\n  }; void h;`,
    good: `const h: UH['reportLlmKeyUsage'] = async () => {\n    return respond(204);\n  }; void h;`,
    expected: /Property '\[builtByRespond\]' is missing in type '\{ status: 204; \}'/,
    code: 2322,
  },
  {
    name: 'r.value without checking r.ok',
    bad: `${getKeys} void r.value;`,
    good: `${getKeys} if (r.ok) void r.value;`,
    expected: /Property 'value' does not exist on type 'GetLlmKeysResult'/,
  },
  {
    name: 'error body is unknown until status is narrowed',
    bad: `${getKeys} if (!r.ok) void r.error.body.error;`,
    good: `${getKeys} if (!r.ok && r.error.status === 404) void r.error.body.error;`,
    expected: /'r\.error\.body' is of type 'unknown'/,
  },
  {
    name: 'status 404 narrows the body to the Error shape',
    bad: `${getKeys} if (!r.ok && r.error.status === 404) void r.error.body.google;`,
    good: `${getKeys} if (r.ok) void r.value.google;`,
    expected: /Property 'google' does not exist on type '\{ error: string; code\?: string; \}'/,
  },
  {
    name: 'fixture: 200 and 201 are distinct success types',
    bad: `${upsert} if (r.ok && r.status === 201) { const s: 200 = r.status; void s; }`,
    good: `${upsert} if (r.ok && r.status === 201) { const s: 201 = r.status; void s; }`,
    expected: /Type '201' is not assignable to type '200'/,
  },
  {
    name: 'fixture: required header param',
    bad: `await edge.upsertItem({ path: { itemId: 1 }, body: { name: 'a' } });`,
    good: `await edge.upsertItem({ path: { itemId: 1 }, headers: { 'X-Request-Id': 'r' }, body: { name: 'a' } });`,
    expected: /Property 'headers' is missing/,
  },
  {
    name: 'fixture: query param type',
    bad: `await edge.listItems({ query: { owner: 'a', limit: '5' } });`,
    good: `await edge.listItems({ query: { owner: 'a', limit: 5 } });`,
    expected: /Type 'string' is not assignable to type 'number'/,
  },
  {
    name: 'fixture: text/plain success is a string',
    bad: `const r = await edge.getGreeting({ path: { name: 'a' } }); if (r.ok) { const n: number = r.value; void n; }`,
    good: `const r = await edge.getGreeting({ path: { name: 'a' } }); if (r.ok) { const n: string = r.value; void n; }`,
    expected: /Type 'string' is not assignable to type 'number'/,
  },
  {
    name: 'fixture: handler headers are keyed lower-case',
    bad: `const h: EH['upsertItem'] = ({ headers }) => respond(200, { id: 1, name: headers['X-Request-Id'] }); void h;`,
    good: `const h: EH['upsertItem'] = ({ headers }) => respond(200, { id: 1, name: headers['x-request-id'] }); void h;`,
    expected: /Type 'string \| string\[\] \| undefined' is not assignable to type 'string'/,
  },
  {
    name: 'fixture: optional body may be undefined in the handler',
    bad: `const h: EH['postItemsItemIdTouch'] = ({ body }) => respond(200, { touched: true, note: body.note ?? null }); void h;`,
    good: `const h: EH['postItemsItemIdTouch'] = ({ body }) => respond(200, { touched: true, note: body?.note ?? null }); void h;`,
    expected: /'body' is possibly 'undefined'/,
  },
  {
    name: 'fixture: 3.0 nullable field accepts null, not a number',
    bad: `await legacy.updateProfile({ path: { id: 'p' }, body: { nickname: 3 } });`,
    good: `await legacy.updateProfile({ path: { id: 'p' }, body: { nickname: null } });`,
    expected: /Type 'number' is not assignable to type 'string'/,
  },
];

let out: FixtureOutput;
let compiled: CompiledCases;
let dir: string;
let generated: string[];
const messages = (file: string) => compiled.messages(file);

beforeAll(async () => {
  out = await generateFixtures(join(REPO, 'test'), '.tmp-types-');
  compiled = compileTypeCases(REPO, out.outDir, PREAMBLE, CASES);
  ({ dir, generated } = compiled);
});

afterAll(() => out?.cleanup());

describe('the type checker rejects misuse of generated code', () => {
  it('compiles the control file (every case corrected) and the generated fixture output cleanly', () => {
    expect(messages(join(dir, 'control.ts'))).toEqual([]);
    expect(generated.length).toBeGreaterThanOrEqual(13); // index.ts + client, fake, server, types per service
    expect(generated.flatMap((f) => messages(f).map((m) => `${f}: ${m.text}`))).toEqual([]);
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))('%s', (_, i) => {
    const c = CASES[i] as Case;
    const found = messages(compiled.caseFile(i));
    expect(found).toHaveLength(1);
    expect(found[0]?.line).toBe(CASE_LINE + (c.line ?? 0));
    expect(found[0]?.text).toMatch(c.expected);
    if (c.code !== undefined) expect(found[0]?.code).toBe(c.code);
  });
});
