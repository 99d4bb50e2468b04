import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleSpec } from '../../../lib/codegen/bundle.js';
import { emitTypes } from '../../../lib/codegen/emit-types.js';
import { SpecLoader } from '../../../lib/codegen/spec-loader.js';
import type * as TypesJobModule from '../../../lib/codegen/types-job.js';
import { refusedTypesBundle } from './refused-types-bundle.js';

// A worker thread cannot load the TypeScript sources, so types are made in one only when running compiled:
// these tests drive the compiled `dist/` that `make test` builds first (`make build`).
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const COMPILED = join(REPO, 'dist/codegen/types-job.js');
const FIXTURES = join(REPO, 'test/fixtures/codegen');

let compiled: typeof TypesJobModule;
const previous = process.env.SWITCHBOARD_TYPES_WORKER_MIN_BYTES;

beforeAll(async () => {
  if (!existsSync(COMPILED)) throw new Error(`${COMPILED} is missing: run \`make build\` first`);
  compiled = (await import(COMPILED)) as typeof TypesJobModule;
  process.env.SWITCHBOARD_TYPES_WORKER_MIN_BYTES = '1';
});

afterAll(() => {
  if (previous === undefined) delete process.env.SWITCHBOARD_TYPES_WORKER_MIN_BYTES;
  else process.env.SWITCHBOARD_TYPES_WORKER_MIN_BYTES = previous;
});

const bundleOf = (path: string) => {
  const loader = new SpecLoader();
  return bundleSpec(loader.load(path), loader);
};

describe('types made in a worker thread (big specs)', () => {
  for (const name of ['specs/shapes-service.yaml', 'adoption/specs/hooks-service.yaml']) {
    it(`gives the same types.ts as this thread for ${name}`, async () => {
      const bundle = bundleOf(join(FIXTURES, name));
      const pending = compiled.startTypes(bundle, 'specs/x.yaml');
      expect(pending.inWorker).toBe(true);
      expect(await pending.text()).toBe(await emitTypes(bundle, 'specs/x.yaml'));
    });
  }

  it('stays in this thread below the size threshold', async () => {
    process.env.SWITCHBOARD_TYPES_WORKER_MIN_BYTES = String(10 ** 9);
    try {
      const bundle = bundleOf(join(FIXTURES, 'specs/shapes-service.yaml'));
      const pending = compiled.startTypes(bundle, 'specs/x.yaml');
      expect(pending.inWorker).toBe(false);
      expect(await pending.text()).toBe(await emitTypes(bundle, 'specs/x.yaml'));
    } finally {
      process.env.SWITCHBOARD_TYPES_WORKER_MIN_BYTES = '1';
    }
  });

  it("turns the worker's refusal into a located types error", async () => {
    const bundle = refusedTypesBundle();
    const pending = compiled.startTypes(bundle, 'specs/bad.yaml');
    expect(pending.inWorker).toBe(true);
    const error = await pending.text().then(
      () => undefined,
      (e: unknown) => e as { name: string; rule: string; location: { file: string }; message: string },
    );
    expect(error).toMatchObject({
      name: 'SpecError',
      rule: 'types',
      location: { file: '/nowhere/bad.yaml' },
    });
    expect(error?.message).toContain('openapi-typescript cannot type the spec');
  });

  it('stops the worker when cancelled, without an unhandled rejection', async () => {
    const pending = compiled.startTypes(
      bundleOf(join(FIXTURES, 'specs/shapes-service.yaml')),
      'specs/x.yaml',
    );
    pending.cancel();
    await expect(pending.text()).rejects.toThrow(/exited/);
  });
});
