import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diffCommand } from '../../../lib/cli/diff-command.js';

const BIN = join(import.meta.dirname, '../../../bin/switchboard.js');
const PAIRS = join(import.meta.dirname, '../../fixtures/diff/pairs');
const pair = (name: string) => [join(PAIRS, name, 'base.yaml'), join(PAIRS, name, 'head.yaml')];

/** Runs `diffCommand` in this process, capturing what it prints. */
async function diff(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
  const error = vi.spyOn(console, 'error').mockImplementation((s: unknown) => void err.push(String(s)));
  try {
    const code = await diffCommand(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

let scratch: string | undefined;
afterEach(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe('switchboard diff <base> <head>', () => {
  it('exits 0 for compatible changes and lists them', async () => {
    const r = await diff(pair('optional-parameter-added'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "ok       orders-service GET /internal/orders/{orderId}: query parameter 'fields' added",
    );
    expect(r.out).toMatch(
      /0 breaking, 0 warnings, 0 allowed by a major version bump, 2 compatible across 1 service in \d+\.\d\d s/,
    );
  });

  it('exits 1 for breaking changes, one line each with both file:lines, the rule, why and who calls it', async () => {
    const r = await diff(pair('response-field-removed'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^BREAKING orders-service GET \/internal\/orders\/\{orderId\}: response 200 field 'coupon' removed at test\/fixtures\/diff\/pairs\/response-field-removed\/head\.yaml:96 \(base test\/fixtures\/diff\/pairs\/response-field-removed\/base\.yaml:101\) \[response-property-removed\]\n {9}why: consumers reading the field no longer get it\n {9}called by: no consumer here calls it$/m,
    );
  });

  it('exits 0 when the major version went up, reporting the breaking changes as allowed', async () => {
    const r = await diff(pair('major-version-bump'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^ALLOWED .* field 'coupon' removed \(allowed by major version bump 1\.2\.0 → 2\.0\.0\)/m,
    );
  });

  it('prints {breaking, compatible, allowed} with --json', async () => {
    const r = await diff([...pair('security-changed'), '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as Record<string, Record<string, unknown>[]>;
    expect(Object.keys(json)).toEqual(['breaking', 'compatible', 'allowed', 'summary']);
    expect(json.breaking).toEqual([
      {
        service: 'orders-service',
        operation: 'POST /internal/orders',
        kind: 'security-changed',
        message: 'security requirement InternalAuth no longer accepted (now BearerAuth)',
        reason: 'callers holding the old credentials are now refused',
        severity: 'breaking',
        file: 'test/fixtures/diff/pairs/security-changed/head.yaml',
        line: 54,
        baseFile: 'test/fixtures/diff/pairs/security-changed/base.yaml',
        baseLine: 54,
        method: 'createOrder',
        consumers: [],
      },
    ]);
    expect(json.compatible?.map((c) => [c.kind, c.severity])).toEqual([
      ['security-alternative-added', 'info'],
    ]);
    expect(json.summary).toEqual({
      breaking: 1,
      warning: 0,
      info: 1,
      allowed: 0,
      services: 1,
      failOn: 'breaking',
      fails: true,
    });
  });

  it('grades a possibly breaking change as a warning, which fails only with --fail-on warning or info', async () => {
    const r = await diff(pair('response-enum-widened'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^WARNING {2}orders-service GET .*enum value 'cancelled' added .*\[response-enum-value-added\]$/m,
    );
    expect(r.out).toContain('0 breaking, 2 warnings');
    expect((await diff([...pair('response-enum-widened'), '--fail-on', 'warning'])).code).toBe(1);
    expect((await diff([...pair('response-enum-widened'), '--fail-on', 'info'])).code).toBe(1);
    expect((await diff([...pair('optional-parameter-added'), '--fail-on', 'warning'])).code).toBe(0);
    expect((await diff([...pair('optional-parameter-added'), '--fail-on', 'info'])).code).toBe(1);
    const json = JSON.parse(
      (await diff([...pair('response-enum-widened'), '--json', '--fail-on', 'warning'])).out,
    );
    expect(json.summary).toMatchObject({ breaking: 0, warning: 2, failOn: 'warning', fails: true });
  });

  it('keeps allowed changes passing whatever --fail-on says about breaking ones', async () => {
    expect((await diff([...pair('major-version-bump'), '--fail-on', 'breaking'])).code).toBe(0);
  });

  it('prints a pull-request comment with --format markdown: a table per service', async () => {
    const r = await diff([...pair('response-header-removed'), '--format', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^### switchboard diff fails \(`--fail-on breaking`\)$/m);
    expect(r.out).toContain(
      '1 breaking, 0 warning, 0 info, 0 allowed by a major version bump, across 1 service.',
    );
    expect(r.out).toMatch(/^#### orders-service$/m);
    expect(r.out).toContain(
      "| **breaking** | `response-header-removed` | `DELETE /internal/orders/{orderId}` | response 204 header 'X-Deleted-At' removed | `test/fixtures/diff/pairs/response-header-removed/head.yaml:45` | `test/fixtures/diff/pairs/response-header-removed/base.yaml:48` | consumers reading the required header no longer get it | no consumer here calls it |",
    );
    const info = await diff([...pair('optional-parameter-added'), '--format', 'markdown']);
    expect(info.code).toBe(0);
    expect(info.out).toContain('No breaking changes and no warnings.');
    expect(info.out).toContain('<details><summary>2 info</summary>');
  });

  it('is wired into the switchboard command: exit codes reach the process', () => {
    const r = spawnSync(process.execPath, [BIN, 'diff', ...pair('path-removed')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('BREAKING orders-service GET /public/ping: path /public/ping removed');
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(help.stdout).toMatch(/^ {2}diff {7}compare specs/m);
  }, 60_000);

  it('exits 2 with a clear message on bad input', async () => {
    const [base = ''] = pair('operation-added');
    scratch = mkdtempSync(join(tmpdir(), 'switchboard-diff-test-'));
    const broken = join(scratch, 'broken.yaml');
    writeFileSync(broken, 'openapi: 3.1.0\ninfo: { title: x\npaths: {}\n');
    const notOpenApi = join(scratch, 'config.yaml');
    writeFileSync(notOpenApi, 'name: not a spec\n');

    const missing = await diff([base, join(scratch, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.yaml error \[unreadable-file\] cannot read spec: ENOENT/);
    const yaml = await diff([base, broken]);
    expect(yaml.code).toBe(2);
    expect(yaml.err).toMatch(/broken\.yaml:\d+:\d+ error \[yaml-syntax\] invalid YAML/);
    const other = await diff([base, notOpenApi]);
    expect(other.code).toBe(2);
    expect(other.err).toContain("not an OpenAPI 3.x document (no 'openapi: 3.x' field)");
    expect((await diff([base])).code).toBe(2);
    expect((await diff(['--base', 'HEAD', base])).code).toBe(2);
    expect((await diff(['--nope'])).code).toBe(2);
    const level = await diff([...pair('operation-added'), '--fail-on', 'major']);
    expect(level.code).toBe(2);
    expect(level.err).toContain("--fail-on takes breaking, warning, info, not 'major'");
    expect((await diff([...pair('operation-added'), '--format', 'html'])).code).toBe(2);
  });
});
