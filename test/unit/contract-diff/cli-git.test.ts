import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../../bin/switchboard.js');
const PAIRS = join(import.meta.dirname, '../../fixtures/diff/pairs');
const fixture = (name: string, side: 'base' | 'head') =>
  readFileSync(join(PAIRS, name, `${side}.yaml`), 'utf8');

let repo: string;

function run(args: string[], cwd = repo) {
  const r = spawnSync(process.execPath, [BIN, 'diff', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function git(...args: string[]) {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
    cwd: repo,
    stdio: 'ignore',
  });
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'switchboard-diff-git-'));
  mkdirSync(join(repo, 'specs'));
  writeFileSync(join(repo, 'specs/orders-service.yaml'), fixture('operation-added', 'base'));
  git('init', '--quiet');
  git('add', '.');
  git('commit', '--quiet', '-m', 'specs');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('switchboard diff --base <git-ref>', { timeout: 60_000 }, () => {
  it('exits 0 for a compatible edit and 1 for a breaking one, naming the working-tree line', () => {
    writeFileSync(join(repo, 'specs/orders-service.yaml'), fixture('operation-added', 'head'));
    const compatible = run(['--base', 'HEAD']);
    expect(compatible.code, compatible.err).toBe(0);
    expect(compatible.out).toContain(
      'ok       orders-service POST /internal/orders/{orderId}/cancel: operation added',
    );

    writeFileSync(join(repo, 'specs/orders-service.yaml'), fixture('required-body-field-added', 'head'));
    const breaking = run(['--base', 'HEAD', '--json']);
    expect(breaking.code).toBe(1);
    expect(JSON.parse(breaking.out).breaking).toEqual([
      expect.objectContaining({
        kind: 'request-body-required-property-added',
        message: "request body field 'currency' added as required",
        file: 'specs/orders-service.yaml',
        line: 121,
      }),
    ]);
  });

  it('treats a deleted spec as a removed service, a new one as compatible, and honours --specs', () => {
    mkdirSync(join(repo, 'contracts'));
    writeFileSync(join(repo, 'contracts/orders-service.yaml'), fixture('operation-added', 'base'));
    git('add', '.');
    git('commit', '--quiet', '-m', 'contracts');
    unlinkSync(join(repo, 'specs/orders-service.yaml'));
    writeFileSync(join(repo, 'specs/billing-service.yaml'), fixture('operation-added', 'base'));
    const r = run(['--base', 'HEAD']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'BREAKING orders-service: service removed (spec file HEAD:specs/orders-service.yaml deleted)',
    );
    expect(r.out).toContain('ok       billing-service: service added at specs/billing-service.yaml:1');
    expect(run(['--base', 'HEAD', '--specs', 'contracts']).code).toBe(0);
  });

  it('exits 2 for an invalid spec on either side, an unknown ref, or outside a git repository', () => {
    writeFileSync(join(repo, 'specs/orders-service.yaml'), 'openapi: 3.1.0\npaths:\n  /x: [\n');
    const invalid = run(['--base', 'HEAD']);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toMatch(/^specs\/orders-service\.yaml:\d+:\d+ error \[yaml-syntax\]/m);
    git('commit', '--quiet', '-am', 'broken spec');
    writeFileSync(join(repo, 'specs/orders-service.yaml'), fixture('operation-added', 'base'));
    const invalidBase = run(['--base', 'HEAD']);
    expect(invalidBase.code).toBe(2);
    expect(invalidBase.err).toMatch(/^HEAD:specs\/orders-service\.yaml:\d+:\d+ error \[yaml-syntax\]/m);
    const badRef = run(['--base', 'no-such-branch']);
    expect(badRef.code).toBe(2);
    expect(badRef.err).toContain("switchboard diff: unknown git ref 'no-such-branch'");
    rmSync(join(repo, '.git'), { recursive: true, force: true });
    const noGit = run(['--base', 'HEAD']);
    expect(noGit.code).toBe(2);
    expect(noGit.err).toContain('not inside a git work tree');
  });
});
