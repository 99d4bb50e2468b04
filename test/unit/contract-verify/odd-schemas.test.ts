import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { toJsonSchema } from '../../../lib/codegen/json-schema.js';
import { VerifyInputError, verifyProvider } from '../../../lib/contract/verify/index.js';
import { loadContract } from '../../../lib/contract/verify/load-contract.js';
import { createSchemaValidators } from '../../../lib/contract/verify/schema-validators.js';
import { schemaPattern } from '../../../lib/schema-pattern.js';
import { createSerializerCompiler } from '../../../lib/server/serializer-compiler.js';
import { createValidatorCompiler } from '../../../lib/server/validator-compiler.js';

// Schemas real specs hold that Ajv refuses as they are: a pattern with an escape the `u` flag forbids
// (DigitalOcean), an empty enum (Discord).
const dir = mkdtempSync(join(tmpdir(), 'switchboard-odd-schemas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spec(pattern: string): string {
  const path = join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    path,
    `openapi: 3.1.0
info: { title: Odd, version: 1.0.0 }
paths:
  /codes/{code}:
    get:
      operationId: getCode
      parameters:
        - { name: code, in: path, required: true, schema: { type: string, pattern: ${JSON.stringify(pattern)} } }
      responses:
        '200': { description: Found. }
  /requests/{id}:
    patch:
      operationId: updateRequest
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, format: snowflake } }
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                action: { type: string, enum: [] }
                by: { type: string, format: snowflake }
      responses:
        '204': { description: Updated. }
`,
  );
  return path;
}

describe('schemas Ajv refuses as they are', () => {
  it('compiles a pattern the u flag refuses without it, and names a pattern no engine reads', () => {
    expect(schemaPattern('^[a-z0-9_\\-\\:]+$', 'u').test('a:b-c')).toBe(true);
    expect(schemaPattern('^[a-z0-9_\\-\\:]+$', 'u').test('a b')).toBe(false);
    // A pattern that needs u keeps it.
    expect(schemaPattern('^\\p{L}+$', 'u').test('été')).toBe(true);
    expect(() => schemaPattern('(', 'u')).toThrow(/^pattern "\(" is not a JavaScript regular expression \(/);
    // Without u, \p{L} would mean the letters p{L}: such a pattern is refused rather than read another way.
    expect(() => schemaPattern('^[\\p{L}\\:]+$', 'u')).toThrow(/is not a JavaScript regular expression/);
  });

  it('validates such a pattern on the server (route parameters)', () => {
    const compile = createValidatorCompiler();
    const validate = compile({
      schema: {
        type: 'object',
        properties: { code: { type: 'string', pattern: '^[a-z0-9_\\-\\:]+$' } },
      },
      httpPart: 'params',
      method: 'GET',
      url: '/codes/:code',
    }) as (value: unknown) => boolean;
    expect(validate({ code: 'x:y' })).toBe(true);
    expect(validate({ code: 'x y' })).toBe(false);
  });

  it('serializes a response whose anyOf holds such a pattern (fast-json-stringify compiles it too)', () => {
    const serialize = createSerializerCompiler(() => ({}))({
      schema: {
        type: 'object',
        properties: { c: { anyOf: [{ type: 'string', pattern: '^[a-z\\:]+$' }, { type: 'number' }] } },
      },
      method: 'GET',
      url: '/codes',
      httpStatus: '200',
    });
    expect(serialize({ c: 'a:b' })).toBe('{"c":"a:b"}');
  });

  it('warns once per unknown format on the server, as a process warning', () => {
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const compile = createValidatorCompiler();
    for (const url of ['/a/:id', '/b/:id'])
      compile({
        schema: { type: 'object', properties: { id: { type: 'string', format: 'odd-test-format' } } },
        httpPart: 'params',
        method: 'GET',
        url,
      });
    expect(emitted.mock.calls.filter(([message]) => String(message).includes('odd-test-format'))).toEqual([
      [
        'format "odd-test-format" is unknown to the validator: its values are not checked',
        { code: 'SWITCHBOARD_UNKNOWN_FORMAT' },
      ],
    ]);
    emitted.mockRestore();
  });

  it('reads an empty enum as admitting no value', () => {
    expect(toJsonSchema({ type: 'string', enum: [] }, {})).toEqual({ type: 'string', allOf: [{ not: {} }] });
  });

  it('loads a contract with both, and refuses one whose pattern no engine reads, naming the operation', () => {
    const warn = vi.spyOn(console, 'warn');
    const validators = createSchemaValidators();
    const contract = loadContract(spec('^[a-z0-9_\\-\\:]+$'), validators);
    // An unknown format is listed once for the report, not warned about per schema.
    expect(validators.uncheckedFormats()).toEqual(['snowflake']);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    const patch = contract.operations.find((op) => op.id === 'updateRequest');
    expect(patch?.body?.validate({ action: 'approve' })).toBe(false);
    expect(patch?.body?.validate({})).toBe(true);
    const get = contract.operations.find((op) => op.id === 'getCode');
    expect(get?.validParams({ path: { code: 'a:b' }, query: {}, header: {}, cookie: {} })).toBe(true);
    expect(get?.validParams({ path: { code: 'a b' }, query: {}, header: {}, cookie: {} })).toBe(false);

    const broken = loadContract(spec('('), createSchemaValidators());
    expect(broken.operations.map((op) => op.id)).toEqual(['updateRequest']);
    expect([...broken.refused.values()]).toEqual([
      expect.stringMatching(
        /^GET \/codes\/\{code\} \(getCode\): pattern "\(" is not a JavaScript regular expression/,
      ),
    ]);
  });

  it('verify refuses a spec with an operation it cannot verify, unless only the others are asked for', async () => {
    const broken = spec('(');
    const refusal = await verifyProvider({ spec: broken, baseUrl: 'http://127.0.0.1:9' }).catch((e) => e);
    expect(refusal).toBeInstanceOf(VerifyInputError);
    expect((refusal as VerifyInputError).problems).toEqual([
      expect.stringMatching(/^GET \/codes\/\{code\} \(getCode\): pattern/),
    ]);
    // Asked for the other operation only, it gets as far as the provider (none listens here).
    await expect(
      verifyProvider({ spec: broken, baseUrl: 'http://127.0.0.1:9', operations: ['updateRequest'] }),
    ).rejects.toThrow(/cannot reach/);
  });
});
