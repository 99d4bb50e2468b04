import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, petSpec, SHARED, type Workspace } from './workspace.js';

const BIN = join(import.meta.dirname, '../../../bin/switchboard.js');
let ws: Workspace;
afterEach(() => ws?.dispose());

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('switchboard generate (CLI)', () => {
  it('prints one line per spec and a summary, then --check passes', () => {
    ws = createWorkspace({ 'specs/pets.yaml': petSpec(), 'specs/shared.yaml': SHARED });
    const first = run(['generate'], ws.root);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/generated\s+pets\s+1 operations\s+\d+ ms/);
    expect(first.out).toMatch(
      /switchboard: 1 generated, 0 unchanged, 0 removed into generated\/ in \d+\.\d+ s/,
    );
    expect(run(['generate', '--check'], ws.root).code).toBe(0);
  });

  it('exits 1 with file:line for a bad spec and 1 listing drift for --check', () => {
    ws = createWorkspace({ 'specs/pets.yaml': petSpec(), 'specs/shared.yaml': SHARED });
    expect(run(['generate'], ws.root).code).toBe(0);
    ws.write('specs/pets.yaml', petSpec().replace('Get a pet', 'Fetch a pet'));
    const drift = run(['generate', '--check'], ws.root);
    expect(drift.code).toBe(1);
    expect(drift.err).toContain('changed  generated/pets/client.ts');
    ws.write('specs/pets.yaml', petSpec().replace('in: path,', 'in: path, style: matrix,'));
    const bad = run(['generate'], ws.root);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^specs\/pets\.yaml:9:\d+ error \[unsupported-construct\]/m);
    expect(bad.err).toContain('nothing was written');
    expect(bad.err).toContain('--skip-unsupported generates the other operations');
    expect(bad.err).not.toMatch(/\n\s+at /);
  });

  it('--skip-unsupported generates the rest, with one located warning per skipped operation', () => {
    const photos = `  /photos:\n    get:\n      operationId: getPhoto\n      responses:\n        '204': { description: none }\n`;
    ws = createWorkspace({
      'specs/pets.yaml': petSpec(photos).replace('in: path,', 'in: path, style: matrix,'),
      'specs/shared.yaml': SHARED,
    });
    const result = run(['generate', '--skip-unsupported'], ws.root);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(
      /^specs\/pets\.yaml:9:\d+ warning \[unsupported-construct\] getPet \(GET \/pets\/\{id\}\) skipped: path parameter 'id' has style matrix/m,
    );
    expect(result.out).toContain('1 operation(s) skipped');
    const client = readFileSync(join(ws.out, 'pets', 'client.ts'), 'utf8');
    expect(client).toContain('getPhoto(');
    expect(client).not.toContain('getPet(');
  });

  it('exits 2 on bad usage', () => {
    ws = createWorkspace();
    expect(run(['generate', '--nope'], ws.root).code).toBe(2);
    expect(run(['frobnicate'], ws.root).code).toBe(2);
  });
});
