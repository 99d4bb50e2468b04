import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareFiles, compareFolders, type DiffReport } from '../../../lib/contract/diff/index.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/diff');
const show = (file: string) => relative(FIXTURES, file);

type Verdict = 'breaking' | 'warning' | 'compatible' | 'allowed';

/** Each pair under fixtures/diff/pairs: the verdict, and change kinds that must be reported with it. */
const PAIRS: [name: string, verdict: Verdict, kinds: string[]][] = [
  ['operation-removed', 'breaking', ['operation-removed']],
  ['path-removed', 'breaking', ['path-removed']],
  ['success-status-removed', 'breaking', ['success-status-removed']],
  ['success-status-changed', 'breaking', ['success-status-changed']],
  ['success-status-added', 'breaking', ['success-status-added']],
  ['required-query-parameter-added', 'breaking', ['parameter-added-required']],
  ['required-header-added', 'breaking', ['parameter-added-required']],
  ['required-body-field-added', 'breaking', ['request-body-required-property-added']],
  ['optional-parameter-made-required', 'breaking', ['parameter-made-required']],
  ['optional-body-field-made-required', 'breaking', ['request-body-property-made-required']],
  ['request-body-made-required', 'breaking', ['request-body-made-required']],
  ['parameter-type-changed', 'breaking', ['parameter-type-changed']],
  ['body-field-type-changed', 'breaking', ['request-body-type-changed']],
  ['response-field-type-changed', 'breaking', ['response-type-changed']],
  ['request-enum-value-removed', 'breaking', ['request-body-enum-value-removed']],
  ['request-maximum-lowered', 'breaking', ['request-body-constraint-narrowed']],
  ['request-minimum-raised', 'breaking', ['request-body-constraint-narrowed']],
  ['request-max-length-shortened', 'breaking', ['request-body-constraint-narrowed']],
  ['request-max-items-lowered', 'breaking', ['request-body-constraint-narrowed']],
  ['request-pattern-added', 'breaking', ['request-body-pattern-added']],
  ['request-field-no-longer-nullable', 'breaking', ['request-body-nullable-removed']],
  ['openapi-30-request-no-longer-nullable', 'breaking', ['request-body-nullable-removed']],
  ['request-object-closed', 'breaking', ['request-body-additional-properties-closed']],
  ['request-variant-removed', 'breaking', ['request-body-variant-removed']],
  ['request-default-changed', 'breaking', ['parameter-default-changed']],
  ['response-field-removed', 'breaking', ['response-property-removed']],
  ['response-field-made-nullable', 'breaking', ['response-nullable-added']],
  ['openapi-30-response-made-nullable', 'breaking', ['response-nullable-added']],
  ['response-field-made-optional', 'breaking', ['response-property-made-optional']],
  ['response-enum-widened', 'warning', ['response-enum-value-added']],
  ['response-optional-field-removed', 'warning', ['response-property-removed']],
  ['response-optional-header-removed', 'warning', ['response-optional-header-removed']],
  ['response-header-made-optional', 'breaking', ['response-header-made-optional']],
  ['response-const-changed', 'breaking', ['response-const-changed']],
  [
    'request-2020-12-keywords-added',
    'breaking',
    ['request-body-dependent-required-added', 'request-body-keyword-added'],
  ],
  ['request-body-wrapped-in-overlapping-oneof', 'breaking', ['request-body-one-of-overlapping']],
  ['request-body-wrapped-in-distinct-oneof', 'compatible', ['request-body-variant-added']],
  ['request-field-wrapped-nullable', 'compatible', ['request-body-nullable-added']],
  ['request-pattern-changed', 'warning', ['request-body-pattern-changed']],
  ['request-pattern-to-any-string', 'compatible', ['request-body-pattern-removed']],
  ['request-allof-member-removed', 'warning', ['request-body-variant-removed']],
  ['parameter-removed', 'warning', ['parameter-removed']],
  ['parameter-max-length-set', 'warning', ['parameter-constraint-added']],
  ['query-parameter-integer-to-string', 'warning', ['parameter-type-changed']],
  ['webhook-removed', 'breaking', ['webhook-removed']],
  ['webhook-added', 'compatible', ['webhook-added']],
  // The same webhook, now a path item by reference with an extension beside it: no change.
  ['webhook-moved-to-path-item', 'compatible', []],
  ['response-variant-added', 'breaking', ['response-variant-added']],
  ['response-recursive-field-removed', 'breaking', ['response-property-removed']],
  ['response-media-type-removed', 'breaking', ['response-media-type-removed']],
  ['response-header-removed', 'breaking', ['response-header-removed']],
  ['security-added', 'breaking', ['security-added']],
  ['security-changed', 'breaking', ['security-changed']],
  ['minor-version-bump-still-breaking', 'breaking', ['response-property-removed']],
  ['major-version-bump', 'allowed', ['response-property-removed']],
  ['operation-added', 'compatible', ['operation-added']],
  ['method-added', 'compatible', ['operation-added']],
  ['optional-parameter-added', 'compatible', ['parameter-added-optional']],
  ['optional-body-field-added', 'compatible', ['request-body-property-added']],
  ['required-input-made-optional', 'compatible', ['request-body-property-made-optional']],
  [
    'request-constraints-widened',
    'compatible',
    ['request-body-constraint-widened', 'request-body-enum-value-added', 'request-body-type-widened'],
  ],
  ['request-pattern-removed', 'compatible', ['request-body-pattern-removed']],
  ['request-field-made-nullable', 'compatible', ['request-body-nullable-added']],
  ['request-integer-widened-to-number', 'compatible', ['request-body-type-widened']],
  ['request-variant-added-response-unaffected', 'compatible', ['request-body-variant-added']],
  ['response-field-added', 'compatible', ['response-property-added']],
  ['response-constraints-loosened', 'breaking', ['response-constraint-widened']],
  ['response-field-made-required', 'compatible', ['response-property-made-required']],
  ['response-enum-narrowed', 'compatible', ['response-enum-value-removed']],
  ['response-no-longer-nullable', 'compatible', ['response-nullable-removed']],
  ['documentation-edits', 'compatible', []],
  ['schema-moved-into-component', 'compatible', []],
  ['security-removed', 'compatible', ['security-removed']],
  ['security-alternative-added', 'compatible', ['security-alternative-added']],
  ['error-status-added', 'compatible', ['error-status-added']],
  ['path-parameter-renamed', 'compatible', ['path-parameter-renamed']],
];

/** Each folder pair under fixtures/diff/folders (a whole specs/ folder before and after). */
const FOLDERS: [name: string, verdict: Verdict, kinds: string[]][] = [
  ['service-removed', 'breaking', ['service-removed']],
  ['service-added', 'compatible', ['service-added']],
  ['shared-component-changed', 'breaking', ['response-property-removed']],
];

function verdictOf(report: DiffReport): Verdict {
  if (report.breaking.length > 0) return 'breaking';
  if (report.allowed.length > 0) return 'allowed';
  return report.compatible.some((c) => c.severity === 'warning') ? 'warning' : 'compatible';
}

function expectVerdict(report: DiffReport, verdict: Verdict, kinds: string[]) {
  const summary = (['breaking', 'allowed', 'compatible'] as const).flatMap((k) =>
    report[k].map((c) => `${k} ${c.severity} ${c.kind}: ${c.message}`),
  );
  expect(verdictOf(report), summary.join('\n')).toBe(verdict);
  const reported = (
    verdict === 'warning' ? report.compatible.filter((c) => c.severity === 'warning') : report[verdict]
  ).map((c) => c.kind);
  for (const kind of kinds) expect(reported, summary.join('\n')).toContain(kind);
  if (kinds.length === 0) expect(summary).toEqual([]);
}

describe('diff corpus: spec pairs', () => {
  it.each(PAIRS)('%s is %s', (name, verdict, kinds) => {
    const dir = join(FIXTURES, 'pairs', name);
    expectVerdict(compareFiles(join(dir, 'base.yaml'), join(dir, 'head.yaml'), show), verdict, kinds);
  });

  it('covers every fixture pair, and at least 25 of them', () => {
    const listed = PAIRS.map(([name]) => name).sort();
    expect(readdirSync(join(FIXTURES, 'pairs')).sort()).toEqual(listed);
    expect(listed.length).toBeGreaterThanOrEqual(25);
  });
});

describe('diff corpus: specs folders', () => {
  it.each(FOLDERS)('%s is %s', (name, verdict, kinds) => {
    const dir = join(FIXTURES, 'folders', name);
    expectVerdict(compareFolders(join(dir, 'base'), join(dir, 'head'), show), verdict, kinds);
  });

  it('places a change to a shared file at its line in that file', () => {
    const dir = join(FIXTURES, 'folders', 'shared-component-changed');
    const report = compareFolders(join(dir, 'base'), join(dir, 'head'), show);
    expect(report.breaking).toContainEqual({
      service: 'wallet-service',
      operation: 'GET /internal/wallet/{userId}/balance',
      kind: 'response-property-removed',
      message: "responses 400, 404 field 'code' removed",
      reason: 'consumers reading the field no longer get it',
      severity: 'breaking',
      breaking: true,
      file: 'folders/shared-component-changed/head/common.yaml',
      line: 12, // the `properties:` that no longer holds it
      baseFile: 'folders/shared-component-changed/base/common.yaml',
      baseLine: 14, // the field itself
      method: 'getBalance',
    });
    expect(report.compatible).toContainEqual(
      expect.objectContaining({ kind: 'response-enum-value-added', severity: 'warning', baseLine: 21 }),
    );
    expect(report.services).toBe(1);
  });
});
