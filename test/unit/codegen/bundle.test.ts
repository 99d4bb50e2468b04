import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleSpec } from '../../../lib/codegen/bundle.js';
import { SpecLoader } from '../../../lib/codegen/spec-loader.js';

type Json = Record<string, unknown>;

describe('bundleSpec', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sb-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'shared.yaml'),
    'components:\n  schemas:\n    Tag:\n      type: string\n    Node:\n      type: object\n      properties:\n        next:\n          $ref: "#/components/schemas/Node"\n',
  );
  writeFileSync(
    join(dir, 'svc.json'),
    JSON.stringify({
      openapi: '3.1.0',
      info: { title: 's', version: '1' },
      'x-logo': { url: 'logo.png' },
      paths: {
        '/a': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: { $ref: './shared.yaml#/components/schemas/Tag', example: { a: 1 } },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Pet: { type: 'object', 'x-meta': { kept: true } },
          Node: { $ref: './shared.yaml#/components/schemas/Node' },
        },
        'x-notes': { text: 'n' },
      },
    }),
  );

  it('hoists external components, keeps extensions and leaves the entry file as it was', () => {
    const loader = new SpecLoader();
    const entry = loader.load(join(dir, 'svc.json'));
    const before = structuredClone(entry.value);
    const { doc } = bundleSpec(entry, loader);
    expect(entry.value).toEqual(before);
    const schemas = (doc.components as { schemas: Json }).schemas;
    expect(schemas.Tag).toEqual({ type: 'string' });
    expect(schemas.Node).toEqual({
      type: 'object',
      properties: { next: { $ref: '#/components/schemas/Node' } },
    });
    const media = ((doc.paths as Json)['/a'] as { get: { responses: Json } }).get.responses['200'] as Json;
    expect((media.content as Json)['application/json']).toEqual({
      schema: { $ref: '#/components/schemas/Tag', example: { a: 1 } },
    });
    expect(doc['x-logo']).toEqual({ url: 'logo.png' });
    expect((doc.components as Json)['x-notes']).toEqual({ text: 'n' });
  });

  it('shares no object with the entry file: changing the bundle changes nothing there', () => {
    const loader = new SpecLoader();
    const entry = loader.load(join(dir, 'svc.json'));
    const before = structuredClone(entry.value);
    const { doc } = bundleSpec(entry, loader);
    const mutate = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const v of Object.values(node)) mutate(v);
      if (!Array.isArray(node)) (node as Json).touched = true;
    };
    mutate(doc);
    expect(entry.value).toEqual(before);
  });
});
