import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type GenerateReport, generate } from '../../../lib/codegen/generate.js';
import { type SpecError, SpecErrors } from '../../../lib/codegen/spec-error.js';
import { createWorkspace, petSpec, SHARED } from '../generate/workspace.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/codegen/invalid');
const root = mkdtempSync(join(tmpdir(), 'switchboard-invalid-'));

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Generates the given fixture specs together in a fresh folder; returns the folder and what it threw. */
async function generateOnly(...files: string[]): Promise<{ out: string; error: unknown }> {
  const dir = join(root, files.join('+'));
  const specsDir = join(dir, 'specs');
  mkdirSync(specsDir, { recursive: true });
  for (const file of files) copyFileSync(join(FIXTURES, file), join(specsDir, file));
  const out = join(dir, 'generated');
  const error = await generate({ specsDir, outDir: out }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { out, error };
}

/** Generates `file` into a fresh folder (or `dir`, again); returns what generate reported or threw. */
async function generateIn(
  file: string,
  skipUnsupported: boolean,
  dir = mkdtempSync(join(root, 'lenient-')),
): Promise<{ dir: string; out: string; result: GenerateReport | undefined; error: unknown }> {
  const specsDir = join(dir, 'specs');
  mkdirSync(specsDir, { recursive: true });
  copyFileSync(join(FIXTURES, file), join(specsDir, file));
  const out = join(dir, 'generated');
  try {
    return { dir, out, result: await generate({ specsDir, outDir: out, skipUnsupported }), error: undefined };
  } catch (error) {
    return { dir, out, result: undefined, error };
  }
}

function problems(error: unknown): SpecError[] {
  expect(error).toBeInstanceOf(SpecErrors);
  return (error as SpecErrors).errors;
}

/** The 1-based line of the first line of `file` that contains `text`. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text));
  expect(index, text).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe('examples that do not match their schema are refused by generate, as by lint', () => {
  it('a 200 example with a field of the wrong type: located error, rule invalid-example, nothing written', async () => {
    const file = 'invalid-response-example-service.yaml';
    const { out, error } = await generateOnly(file);
    const [first, ...rest] = problems(error);
    expect(rest).toEqual([]);
    expect(first?.rule).toBe('invalid-example');
    expect(first?.location.file).toMatch(/specs\/invalid-response-example-service\.yaml$/);
    expect(first?.location.line).toBe(lineOf(file, 'age: three'));
    expect(first?.message).toContain('/age must be integer');
    expect(first?.format((f) => f.slice(f.indexOf('specs/')))).toMatch(
      /^specs\/invalid-response-example-service\.yaml:\d+:\d+ error \[invalid-example\] .* \(at #\/paths\/~1pets~1\{id\}\/get\/responses\/200\/content\/application~1json\/example\/age\)\n {4}hint: /,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('reports every invalid example of a spec in one run (request body, and a named response example)', async () => {
    const file = 'two-invalid-examples-service.yaml';
    const { out, error } = await generateOnly(file);
    const found = problems(error);
    expect(found.map((e) => e.rule)).toEqual(['invalid-example', 'invalid-example']);
    expect(found.map((e) => e.location.line ?? 0).sort((a, b) => a - b)).toEqual([
      lineOf(file, '  example:'), // a missing property is reported at its object
      lineOf(file, 'id: p1'),
    ]);
    expect(found.map((e) => e.message).join('\n')).toMatch(/missing required property 'name'/);
    expect(found.map((e) => e.message).join('\n')).toMatch(
      /example used at #\/paths\/~1pets\/post\/responses\/201\/.*\/id must be integer/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('accepts valid examples: 3.0 nullable, a query example coerced from a string, a recursive schema', async () => {
    const { out, error } = await generateOnly('valid-examples-service.yaml');
    expect(error).toBeUndefined();
    expect(existsSync(join(out, 'valid-examples-service', 'server.ts'))).toBe(true);
  });

  it('a bad example in one spec does not hide the other specs, and nothing at all is written', async () => {
    const { out, error } = await generateOnly(
      'invalid-response-example-service.yaml',
      'valid-examples-service.yaml',
    );
    expect(problems(error).map((e) => e.rule)).toEqual(['invalid-example']);
    expect(existsSync(out)).toBe(false);
  });

  it('a bad example in a shared file that two services read is one problem, reported once', async () => {
    const shared = `${SHARED}      example: { id: p1, name: 7 }\n`;
    const ws = createWorkspace({
      'specs/cats.yaml': petSpec(),
      'specs/dogs.yaml': petSpec(),
      'specs/shared.yaml': shared,
    });
    try {
      const error = await generate({ specsDir: ws.specs, outDir: ws.out }).then(
        () => undefined,
        (e: unknown) => e,
      );
      const found = problems(error);
      expect(found.map((e) => [e.rule, e.location.file.slice(ws.root.length)])).toEqual([
        ['invalid-example', '/specs/shared.yaml'],
      ]);
      expect(found[0]?.location.line).toBe(shared.split('\n').length - 1);
      expect(existsSync(ws.out)).toBe(false);
    } finally {
      ws.dispose();
    }
  });
});

describe('with skipUnsupported, invalid examples are warnings and are left out of the fake', () => {
  const file = 'lenient-examples-service.yaml';
  const invalidLines = () =>
    [lineOf(file, 'name: 42'), lineOf(file, 'name: body-invalid') - 1, lineOf(file, 'id: seven')].sort(
      (a, b) => a - b,
    );

  it('generates, with one located warning per invalid example, saying it was left out', async () => {
    const { out, result, error } = await generateIn(file, true);
    expect(error).toBeUndefined();
    const warnings = result?.warnings ?? [];
    expect(warnings.map((w) => w.rule)).toEqual(['invalid-example', 'invalid-example', 'invalid-example']);
    expect(warnings.map((w) => w.location.line ?? 0).sort((a, b) => a - b)).toEqual(invalidLines());
    const lines = warnings.map((w) => w.format((f) => f.slice(f.indexOf('specs/')), 'warning'));
    for (const line of lines)
      expect(line).toMatch(
        /^specs\/lenient-examples-service\.yaml:\d+:\d+ warning \[invalid-example\] .*does not match its schema: .*; left out of the generated fake \(at #/,
      );
    expect(lines.join('\n')).toContain('/0/name must be string');
    expect(existsSync(join(out, 'lenient-examples-service', 'server.ts'))).toBe(true);
  });

  it('the fake serves no invalid example: the next valid named one, else none', async () => {
    const { out } = await generateIn(file, true);
    const fake = readFileSync(join(out, 'lenient-examples-service', 'fake.ts'), 'utf8');
    expect(fake).not.toContain('inline-invalid');
    expect(fake).not.toContain('named-invalid');
    expect(fake).toContain('named-valid');
    expect(fake).toMatch(/^ {2}listPets: null,$/m);
  });

  it('an unchanged service re-reports its warnings from the manifest; without the flag it is refused', async () => {
    const first = await generateIn(file, true);
    const again = await generateIn(file, true, first.dir);
    expect(again.result?.events.map((e) => e.status)).toEqual(['unchanged']);
    expect(again.result?.warnings.map((w) => w.format())).toEqual(
      first.result?.warnings.map((w) => w.format()),
    );
    const strict = await generateIn(file, false, first.dir);
    expect(problems(strict.error).map((e) => e.rule)).toEqual([
      'invalid-example',
      'invalid-example',
      'invalid-example',
    ]);
  });

  it('without skipUnsupported the same spec is refused and nothing is written', async () => {
    const { out, error } = await generateIn(file, false);
    const found = problems(error);
    expect(found.map((e) => e.location.line ?? 0).sort((a, b) => a - b)).toEqual(invalidLines());
    expect(found.every((e) => e.format().includes(' error [invalid-example] '))).toBe(true);
    expect(found.some((e) => e.message.includes('left out'))).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});

describe('unresolved $refs', () => {
  it('are all reported in one run, each at the line of its $ref', async () => {
    const file = 'unresolved-refs-service.yaml';
    const { out, error } = await generateOnly(file);
    const found = problems(error);
    expect(found.map((e) => e.rule)).toEqual(['unresolved-ref', 'unresolved-ref', 'unresolved-ref']);
    expect(found.map((e) => e.location.line)).toEqual([
      lineOf(file, "'#/components/schemas/Pets'"),
      lineOf(file, "'#/components/responses/NotFound'"),
      lineOf(file, './missing.yaml'),
    ]);
    expect(found.map((e) => e.message)).toEqual([
      expect.stringContaining('Pets'),
      expect.stringContaining('NotFound'),
      expect.stringContaining('./missing.yaml'),
    ]);
    expect(existsSync(out)).toBe(false);
  });
});
