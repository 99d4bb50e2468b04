import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type openapiTSType from 'openapi-typescript';
import type { astToString as astToStringType } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { type Bundle, bundleSpec } from '../../../lib/codegen/bundle.js';
import { emitTypes } from '../../../lib/codegen/emit-types.js';
import { generatedHeader } from '../../../lib/codegen/header.js';
import { SpecError } from '../../../lib/codegen/spec-error.js';
import { parseSpecFile } from '../../../lib/codegen/spec-file.js';
import { SpecLoader } from '../../../lib/codegen/spec-loader.js';
import { typesInput } from '../../../lib/codegen/types-input.js';
import { refusedTypesBundle } from './refused-types-bundle.js';

// emitTypes calls openapi-typescript's transform directly, skipping the redocly lint and bundle pass that
// openapiTS() runs first; its output must stay what openapiTS() gives for the same document.

const require = createRequire(import.meta.url);
const { default: openapiTS, astToString } = require('openapi-typescript') as {
  default: typeof openapiTSType;
  astToString: typeof astToStringType;
};

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = join(REPO, 'test/fixtures/codegen');

async function viaOpenapiTS(bundle: Bundle, specPath: string): Promise<string> {
  const doc = typesInput(bundle.doc) as unknown as Parameters<typeof openapiTS>[0];
  const nodes = await openapiTS(doc, { silent: true, alphabetize: false, defaultNonNullable: false });
  return `${generatedHeader(specPath)}\n${astToString(nodes)}`;
}

const bundleOf = (path: string) => {
  const loader = new SpecLoader();
  return bundleSpec(loader.load(path), loader);
};

describe('emitTypes', () => {
  const specs = [
    ...['shapes-service.yaml', 'edge-service.yaml', 'legacy-service.yaml', 'tree-service.yaml'].map((name) =>
      join(FIXTURES, 'specs', name),
    ),
    ...readdirSync(join(FIXTURES, 'adoption/specs'))
      .filter((name) => name.endsWith('-service.yaml'))
      .map((name) => join(FIXTURES, 'adoption/specs', name)),
  ];

  for (const path of specs) {
    it(`types ${path.slice(FIXTURES.length + 1)} as openapiTS() does`, async () => {
      const bundle = bundleOf(path);
      const types = await emitTypes(bundle, 'specs/x.yaml');
      expect(types).toBe(await viaOpenapiTS(bundle, 'specs/x.yaml'));
    });
  }

  it('covers a discriminator, webhooks and callbacks among those fixtures', async () => {
    const shapes = await emitTypes(bundleOf(join(FIXTURES, 'specs/shapes-service.yaml')), 's.yaml');
    expect(shapes).toMatch(/kind: "cat";/);
    const hooks = await emitTypes(bundleOf(join(FIXTURES, 'adoption/specs/hooks-service.yaml')), 's.yaml');
    expect(hooks).toMatch(/^export interface webhooks \{\n\s+petAdded: \{/m);
    expect(hooks).toMatch(/^\s+"\w+\.onEvent": \{/m);
  });

  it('types a document without components as openapiTS() does', async () => {
    const text = `openapi: 3.1.0
info: { title: bare, version: '1' }
paths:
  /ping:
    get:
      operationId: ping
      responses:
        '204': { description: none }
`;
    const file = parseSpecFile('/nowhere/bare.yaml', text);
    const bundle: Bundle = {
      entry: file,
      doc: file.value as Record<string, unknown>,
      files: [file],
      origin: () => ({ file, segments: [] }),
    };
    expect(await emitTypes(bundle, 'specs/bare.yaml')).toBe(await viaOpenapiTS(bundle, 'specs/bare.yaml'));
  });

  it('turns what openapi-typescript refuses into a types SpecError', async () => {
    const bundle = refusedTypesBundle();
    const error = await emitTypes(bundle, 'specs/bad.yaml').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).rule).toBe('types');
    expect((error as SpecError).message).toMatch(
      /^openapi-typescript cannot type the spec: .*invalid property a/,
    );
  });
});
