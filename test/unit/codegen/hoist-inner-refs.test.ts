import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleSpec } from '../../../lib/codegen/bundle.js';
import { hoistInnerRefs } from '../../../lib/codegen/hoist-inner-refs.js';
import { SpecLoader } from '../../../lib/codegen/spec-loader.js';

type Json = Record<string, unknown>;

describe('hoistInnerRefs', () => {
  it('moves nested targets deepest first, rewrites refs through them, and tells each move', () => {
    const doc: Json = {
      paths: {
        '/a': { get: { responses: { '200': { $ref: '#/components/responses/Ok' } } } },
      },
      components: {
        schemas: {
          A: { allOf: [{ properties: { b: { items: { type: 'string' } } } }] },
          Uses: {
            properties: {
              inner: { $ref: '#/components/schemas/A/allOf/0/properties/b/items' },
              outer: { $ref: '#/components/schemas/A/allOf/0' },
              described: { $ref: '#/components/schemas/A/allOf/0/properties/b/items/type' },
            },
          },
        },
        responses: {
          Ok: { description: 'ok', content: { 'application/json': { schema: { type: 'integer' } } } },
        },
        parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } },
      },
      'x-uses': { $ref: '#/components/schemas/A/allOf/0' },
    };
    (doc.components as { schemas: Json }).schemas.FromParam = {
      $ref: '#/components/parameters/Limit/schema',
    };
    const moves: string[] = [];
    hoistInnerRefs(doc, (to, from) => moves.push(`${from.join('/')} -> ${to.join('/')}`));
    const schemas = (doc.components as { schemas: Json }).schemas;
    expect(moves).toEqual([
      'components/schemas/A/allOf/0/properties/b/items -> components/schemas/A_allOf_0_properties_b_items',
      'components/schemas/A/allOf/0 -> components/schemas/A_allOf_0',
      'components/parameters/Limit/schema -> components/schemas/parameters_Limit_schema',
    ]);
    expect(schemas.A).toEqual({ allOf: [{ $ref: '#/components/schemas/A_allOf_0' }] });
    expect(schemas.A_allOf_0).toEqual({
      properties: { b: { items: { $ref: '#/components/schemas/A_allOf_0_properties_b_items' } } },
    });
    expect(schemas.Uses).toEqual({
      properties: {
        inner: { $ref: '#/components/schemas/A_allOf_0_properties_b_items' },
        outer: { $ref: '#/components/schemas/A_allOf_0' },
        // Not a schema: left alone, but still pointing at the same value after the move.
        described: { $ref: '#/components/schemas/A_allOf_0_properties_b_items/type' },
      },
    });
    // Extensions are not OpenAPI: their refs are not followed nor rewritten.
    expect(doc['x-uses']).toEqual({ $ref: '#/components/schemas/A/allOf/0' });
  });

  it('leaves refs to component schemas, to nothing and to non-schemas alone', () => {
    const doc: Json = {
      components: {
        schemas: {
          A: { type: 'object' },
          B: { $ref: '#/components/schemas/A' },
          C: { $ref: '#/components/schemas/A/properties/missing' },
          D: { $ref: '#/components/examples/E/value' },
        },
        examples: { E: { value: { type: 'x' } } },
      },
    };
    const before = structuredClone(doc);
    hoistInnerRefs(doc, () => undefined);
    expect(doc).toEqual(before);
  });
});

describe('bundleSpec and specification extensions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bundle-x-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies extensions as written but follows refs under names that start with x-', () => {
    writeFileSync(
      join(dir, 'shared.yaml'),
      'components:\n  schemas:\n    Trace:\n      type: string\n  headers:\n    Limit:\n      schema:\n        type: integer\n',
    );
    writeFileSync(
      join(dir, 'svc.yaml'),
      `openapi: 3.1.0
info: {title: svc, version: '1'}
x-topics: [{content: {$ref: ./notes.md}}]
paths:
  /a:
    get:
      x-notes: {$ref: '#/nowhere'}
      responses:
        '200':
          description: ok
          headers:
            x-rate-limit: {$ref: './shared.yaml#/components/headers/Limit'}
          content:
            application/json:
              schema:
                type: object
                properties:
                  x-trace: {$ref: './shared.yaml#/components/schemas/Trace'}
`,
    );
    const loader = new SpecLoader();
    const doc = bundleSpec(loader.load(join(dir, 'svc.yaml')), loader).doc as Json;
    const get = (doc.paths as Json)['/a'] as { get: Json };
    expect(doc['x-topics']).toEqual([{ content: { $ref: './notes.md' } }]);
    expect(get.get['x-notes']).toEqual({ $ref: '#/nowhere' });
    const ok = (get.get.responses as Record<string, Json>)['200'] as Json;
    expect((ok.headers as Json)['x-rate-limit']).toEqual({ $ref: '#/components/headers/Limit' });
    expect(JSON.stringify(ok.content)).toContain('"x-trace":{"$ref":"#/components/schemas/Trace"}');
  });
});
