import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { lintCommand } from '../../../lib/cli/lint-command.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/lint/${name}`, import.meta.url));

describe('switchboard lint', () => {
  let out: MockInstance<typeof console.log>;
  let err: MockInstance<typeof console.error>;
  const printed = (spy: MockInstance<typeof console.log>): string => spy.mock.calls.flat().join('\n');

  beforeEach(() => {
    out = vi.spyOn(console, 'log').mockImplementation(() => {});
    err = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('exits 1 and prints file:line:col severity rule message for a bad spec', async () => {
    expect(await lintCommand([fixture('bad-secured-documents-401.yaml')])).toBe(1);
    expect(printed(out)).toMatch(
      /bad-secured-documents-401\.yaml:14:7 error switchboard\/secured-documents-401 /,
    );
    expect(printed(out)).toMatch(/2 errors, 0 warnings$/);
  });

  it('exits 0 for the good spec and its common.yaml', async () => {
    expect(await lintCommand([fixture('good.yaml'), fixture('common.yaml')])).toBe(0);
    expect(printed(out)).toBe('no problems');
  });

  it('lints every .yaml file of --specs DIR', async () => {
    expect(await lintCommand(['--specs', fixture('shared')])).toBe(1);
    expect(printed(out)).toMatch(/common\.yaml:9:5 error switchboard\/closed-objects/);
  });

  it('prints JSON with --json', async () => {
    expect(await lintCommand(['--json', fixture('bad-array-max-items.yaml')])).toBe(1);
    const report = JSON.parse(printed(out)) as {
      problems: Array<{ rule: string; line: number }>;
      errors: number;
    };
    expect(report.errors).toBe(3);
    expect(report.problems[0]).toMatchObject({ rule: 'switchboard/array-max-items', line: 17 });
  });

  it.each([
    [
      'a missing folder',
      ['--specs', fixture('no-such-folder')],
      /specs folder '.*no-such-folder' does not exist/,
    ],
    ['a missing file', [fixture('no-such-file.yaml')], /no such file '.*no-such-file\.yaml'/],
    ['an unknown option', ['--fix'], /Unknown option '--fix'/],
    [
      'both --specs and files',
      ['--specs', fixture('shared'), fixture('good.yaml')],
      /either --specs DIR or files/,
    ],
  ])('exits 2 on %s with a clear message', async (_case, args, message) => {
    expect(await lintCommand(args)).toBe(2);
    expect(printed(err)).toMatch(message);
  });

  it('prints usage with --help and exits 0', async () => {
    expect(await lintCommand(['--help'])).toBe(0);
    expect(printed(out)).toMatch(/^usage: switchboard lint/);
  });
});
