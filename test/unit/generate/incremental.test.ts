import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generate } from '../../../lib/codegen/generate.js';
import { OutputConflictError } from '../../../lib/codegen/write-output.js';
import { createWorkspace, petSpec, SHARED, type Workspace } from './workspace.js';

let ws: Workspace;
afterEach(() => ws?.dispose());

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = readFileSync(path, 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

const statuses = (report: Awaited<ReturnType<typeof generate>>) =>
  Object.fromEntries(report.events.map((e) => [e.service, e.status]));

describe('generate: determinism, incrementality, --check and stale outputs', () => {
  it('writes the same bytes for the same input, and a header naming the spec', async () => {
    ws = createWorkspace({ 'specs/pets.yaml': petSpec(), 'specs/shared.yaml': SHARED });
    await generate({ specsDir: ws.specs, outDir: ws.out });
    const first = snapshot(ws.out);
    rmSync(ws.out, { recursive: true });
    await generate({ specsDir: ws.specs, outDir: ws.out });
    expect(snapshot(ws.out)).toEqual(first);
    expect(Object.keys(first).filter((f) => f.startsWith('pets/'))).toEqual([
      'pets/client.ts',
      'pets/document.ts',
      'pets/fake.ts',
      'pets/server.ts',
      'pets/types.ts',
    ]);
    expect(first['pets/client.ts']).toMatch(
      /^\/\/ @generated from specs\/pets\.yaml by switchboard, do not edit/,
    );
    expect(first['index.ts']).toContain("from './pets/client.js'");
  });

  it('skips unchanged specs, regenerates a changed one and everything with --force', async () => {
    ws = createWorkspace({
      'specs/pets.yaml': petSpec(),
      'specs/toys.yaml': petSpec().replaceAll('getPet', 'getToy').replace('/pets/', '/toys/'),
      'specs/shared.yaml': SHARED,
    });
    await generate({ specsDir: ws.specs, outDir: ws.out });
    expect(statuses(await generate({ specsDir: ws.specs, outDir: ws.out }))).toEqual({
      pets: 'unchanged',
      toys: 'unchanged',
    });
    ws.write(
      'specs/toys.yaml',
      petSpec().replaceAll('getPet', 'getToy').replace('/pets/', '/toys/').replace('Get a pet', 'Get a toy'),
    );
    expect(statuses(await generate({ specsDir: ws.specs, outDir: ws.out }))).toEqual({
      pets: 'unchanged',
      toys: 'generated',
    });
    expect(readFileSync(join(ws.out, 'toys/client.ts'), 'utf8')).toContain('Get a toy');
    ws.write('specs/shared.yaml', SHARED.replace('maxLength: 50', 'maxLength: 60'));
    expect(statuses(await generate({ specsDir: ws.specs, outDir: ws.out }))).toEqual({
      pets: 'generated',
      toys: 'generated',
    });
    expect(statuses(await generate({ specsDir: ws.specs, outDir: ws.out, force: true }))).toEqual({
      pets: 'generated',
      toys: 'generated',
    });
  });

  it('restores a hand-edited generated file on the next run', async () => {
    ws = createWorkspace({ 'specs/pets.yaml': petSpec(), 'specs/shared.yaml': SHARED });
    await generate({ specsDir: ws.specs, outDir: ws.out });
    const path = join(ws.out, 'pets/client.ts');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, `${original}\n// edited by hand\n`);
    await generate({ specsDir: ws.specs, outDir: ws.out });
    expect(readFileSync(path, 'utf8')).toBe(original);
  });

  it('--check writes nothing and lists changed, missing and stale files', async () => {
    ws = createWorkspace({ 'specs/pets.yaml': petSpec(), 'specs/shared.yaml': SHARED });
    await generate({ specsDir: ws.specs, outDir: ws.out });
    expect((await generate({ specsDir: ws.specs, outDir: ws.out, check: true })).differences).toEqual([]);
    writeFileSync(join(ws.out, 'pets/server.ts'), '// @generated stale\n');
    rmSync(join(ws.out, 'pets/fake.ts'));
    writeFileSync(join(ws.out, 'pets/extra.ts'), '// @generated leftover\n');
    const before = snapshot(ws.out);
    const { differences } = await generate({ specsDir: ws.specs, outDir: ws.out, check: true });
    expect(differences).toEqual([
      'changed  generated/pets/server.ts',
      'missing  generated/pets/fake.ts',
      'stale    generated/pets/extra.ts',
    ]);
    expect(snapshot(ws.out)).toEqual(before);
  });

  it('removes the outputs of a deleted spec, and --check reports them before', async () => {
    ws = createWorkspace({
      'specs/pets.yaml': petSpec(),
      'specs/toys.yaml': petSpec().replace('/pets/', '/toys/'),
      'specs/shared.yaml': SHARED,
    });
    await generate({ specsDir: ws.specs, outDir: ws.out });
    rmSync(join(ws.specs, 'toys.yaml'));
    expect((await generate({ specsDir: ws.specs, outDir: ws.out, check: true })).differences).toContain(
      'stale    generated/toys/',
    );
    expect(statuses(await generate({ specsDir: ws.specs, outDir: ws.out }))).toEqual({
      pets: 'unchanged',
      toys: 'removed',
    });
    expect(existsSync(join(ws.out, 'toys'))).toBe(false);
    expect(readFileSync(join(ws.out, 'index.ts'), 'utf8')).not.toContain('toys');
  });

  it('refuses to overwrite or delete a file it did not generate, and changes nothing', async () => {
    ws = createWorkspace({ 'specs/pets.yaml': petSpec(), 'specs/shared.yaml': SHARED });
    await generate({ specsDir: ws.specs, outDir: ws.out });
    ws.write('generated/pets/notes.md', 'my own notes');
    ws.write('specs/pets.yaml', petSpec().replace('Get a pet', 'Fetch a pet'));
    const before = snapshot(ws.out);
    await expect(generate({ specsDir: ws.specs, outDir: ws.out })).rejects.toBeInstanceOf(
      OutputConflictError,
    );
    expect(snapshot(ws.out)).toEqual(before);
  });

  it('leaves generated/ untouched when any spec is broken', async () => {
    ws = createWorkspace({ 'specs/pets.yaml': petSpec(), 'specs/shared.yaml': SHARED });
    await generate({ specsDir: ws.specs, outDir: ws.out });
    const before = snapshot(ws.out);
    ws.write('specs/pets.yaml', petSpec().replace('Get a pet', 'Changed'));
    ws.write('specs/broken.yaml', 'openapi: 3.1.0\ninfo: [\n');
    await expect(generate({ specsDir: ws.specs, outDir: ws.out })).rejects.toThrow(/problem/);
    expect(snapshot(ws.out)).toEqual(before);
    expect(readdirSync(ws.out).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });
});
