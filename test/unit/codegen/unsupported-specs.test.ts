import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../../lib/codegen/generate.js';
import { SpecErrors } from '../../../lib/codegen/spec-error.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/codegen/unsupported');
const root = mkdtempSync(join(tmpdir(), 'switchboard-unsupported-'));

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Generates one fixture spec alone; returns what it threw. */
async function generateOnly(file: string): Promise<unknown> {
  const specsDir = join(root, file, 'specs');
  mkdirSync(specsDir, { recursive: true });
  copyFileSync(join(FIXTURES, file), join(specsDir, file));
  return generate({ specsDir, outDir: join(root, file, 'out') }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('specs the generator must refuse rather than emit broken code for', () => {
  it('a path parameter name Fastify would split at "-" (located error with a rename hint, nothing written)', async () => {
    const error = await generateOnly('hyphen-path-param-service.yaml');
    expect(error).toBeInstanceOf(SpecErrors);
    const [first, ...rest] = (error as SpecErrors).errors;
    expect(rest).toEqual([]);
    expect(first?.rule).toBe('unsupported-construct');
    expect(first?.message).toContain("path parameter 'user-id'");
    expect(first?.hint).toContain('userId');
    expect(first?.location.line).toBe(9);
    expect(existsSync(join(root, 'hyphen-path-param-service.yaml', 'out'))).toBe(false);
  });
});
