import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOUSE_RULES, lintSpecs } from '../../../lib/lint/index.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/lint/${name}`, import.meta.url));

/** Each bad-<rule>.yaml breaks exactly one house rule; `lines` lists every line it is reported on. */
const cases: Array<{ rule: string; lines: number[] }> = [
  { rule: 'internal-path-prefix', lines: [8, 19, 30, 44, 54] },
  { rule: 'internal-auth-scheme', lines: [15, 37, 38, 39] },
  { rule: 'operation-id', lines: [10, 18, 26, 34, 44, 60] },
  { rule: 'operation-summary-tags', lines: [10, 10, 18, 19] },
  { rule: 'secured-documents-401', lines: [14, 22] },
  { rule: 'validated-input-documents-400', lines: [14, 37, 48, 57] },
  { rule: 'response-example', lines: [19, 25, 36, 36, 59] },
  { rule: 'closed-objects', lines: [17, 51, 58, 64] },
  { rule: 'string-max-length', lines: [17, 42, 44, 53] },
  { rule: 'array-max-items', lines: [17, 45, 51] },
  { rule: 'vendor-extensions', lines: [14, 15, 17, 18, 19, 28, 29, 30, 32, 41, 42, 43] },
  { rule: 'rate-limit', lines: [14, 22, 23, 24, 25, 29] },
];

describe('house rules', () => {
  it('has a bad fixture for every rule', () => {
    expect(cases.map((c) => c.rule).sort()).toEqual(Object.keys(HOUSE_RULES).sort());
  });

  it.each(cases)('switchboard/$rule fires on bad-$rule.yaml at lines $lines and nothing else fires', async ({
    rule,
    lines,
  }) => {
    const file = fixture(`bad-${rule}.yaml`);
    const problems = await lintSpecs([file]);
    expect(problems.map((p) => `${p.rule}@${p.line}`)).toEqual(
      lines.map((line) => `switchboard/${rule}@${line}`),
    );
    for (const problem of problems) {
      expect(problem.file).toBe(file);
      expect(problem.severity).toBe('error');
      expect(problem.column).toBeGreaterThan(0);
      expect(problem.pointer.startsWith('#/')).toBe(true);
    }
  });

  it('reports nothing for the good fixture and its common.yaml (which has no operations)', async () => {
    expect(await lintSpecs([fixture('good.yaml'), fixture('common.yaml')])).toEqual([]);
  });
});
