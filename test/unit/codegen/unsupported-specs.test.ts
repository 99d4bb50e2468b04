import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../../lib/codegen/generate.js';
import { SpecErrors } from '../../../lib/codegen/spec-error.js';
import { ADOPTION_SPECS } from '../../fixtures/codegen/adoption/generate-adoption.js';

// skip-service.yaml has one good operation, one marked `x-switchboard-skip: true` (line 28) and two the
// generator cannot emit: a matrix-style path parameter (line 37) and a query parameter described by
// `content` (line 52).
const SPEC = 'skip-service.yaml';
const root = mkdtempSync(join(tmpdir(), 'switchboard-unsupported-'));
let runs = 0;

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh project with skip-service alone; `generate` runs there. */
function project(): { specsDir: string; outDir: string } {
  const dir = join(root, String(runs++));
  const specsDir = join(dir, 'specs');
  mkdirSync(specsDir, { recursive: true });
  copyFileSync(join(ADOPTION_SPECS, SPEC), join(specsDir, SPEC));
  return { specsDir, outDir: join(dir, 'out') };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('operations the generator cannot emit', () => {
  it('are refused by default: one located error per construct, the marked operation is not one, nothing written', async () => {
    const { specsDir, outDir } = project();
    const error = await failure(generate({ specsDir, outDir }));
    expect(error).toBeInstanceOf(SpecErrors);
    const errors = (error as SpecErrors).errors;
    expect(errors.map((e) => [e.rule, e.location.line])).toEqual([
      ['unsupported-construct', 37],
      ['unsupported-construct', 52],
    ]);
    expect(errors[0]?.message).toContain("path parameter 'id' has style matrix");
    expect(errors[1]?.message).toContain("query parameter 'filter' is described by content");
    expect(existsSync(outDir)).toBe(false);
  });

  it('are skipped with --skip-unsupported: one warning per operation, at its first reason, the rest generated', async () => {
    const { specsDir, outDir } = project();
    const report = await generate({ specsDir, outDir, skipUnsupported: true });
    expect(report.warnings.map((w) => [w.rule, w.location.line, w.message])).toEqual([
      ['x-switchboard-skip', 28, 'exportNotes (GET /notes/export) skipped: marked x-switchboard-skip: true'],
      [
        'unsupported-construct',
        37,
        "getNoteMatrix (GET /notes/{id}) skipped: path parameter 'id' has style matrix; only the simple style can be routed",
      ],
      [
        'unsupported-construct',
        52,
        "searchNotes (GET /search) skipped: query parameter 'filter' is described by content (application/json), which cannot be generated",
      ],
    ]);
    expect(report.warnings[0]?.format(undefined, 'warning')).toMatch(/:28:7 warning \[x-switchboard-skip\]/);
    expect(report.events).toMatchObject([{ service: 'skip-service', status: 'generated', operations: 1 }]);
  });

  it('an unchanged service repeats its warnings; without the flag it is regenerated and refused', async () => {
    const { specsDir, outDir } = project();
    await generate({ specsDir, outDir, skipUnsupported: true });
    const again = await generate({ specsDir, outDir, skipUnsupported: true });
    expect(again.events).toMatchObject([{ service: 'skip-service', status: 'unchanged' }]);
    expect(again.warnings.map((w) => w.location.line)).toEqual([28, 37, 52]);
    const error = await failure(generate({ specsDir, outDir }));
    expect((error as SpecErrors).errors?.map((e) => e.location.line)).toEqual([37, 52]);
  });

  it('a marked operation is left out even without the flag', async () => {
    const { specsDir, outDir } = project();
    const spec = join(specsDir, SPEC);
    // Without the two unsupported operations the spec generates by default.
    const text = readFileSync(spec, 'utf8');
    writeFileSync(spec, text.slice(0, text.indexOf('  /notes/{id}:')));
    const report = await generate({ specsDir, outDir });
    expect(report.warnings.map((w) => w.rule)).toEqual(['x-switchboard-skip']);
    const client = readFileSync(join(outDir, 'skip-service', 'client.ts'), 'utf8');
    expect(client).toContain('listNotes(');
    expect(client).not.toContain('exportNotes');
    // The types keep every path of the spec.
    expect(readFileSync(join(outDir, 'skip-service', 'types.ts'), 'utf8')).toContain('"/notes/export"');
  });
});
