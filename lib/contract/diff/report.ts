import { type Change, type DiffReport, SEVERITIES, type Severity } from './change.js';
import type { ServiceComparison } from './compare-specs.js';

/**
 * Sorts the changes of every compared service into the verdict: breaking, compatible, or breaking but
 * allowed because the service's `info.version` major went up.
 */
export function buildReport(comparisons: readonly ServiceComparison[]): DiffReport {
  const report: DiffReport = {
    breaking: [],
    compatible: [],
    allowed: [],
    changes: [],
    services: comparisons.length,
  };
  for (const { changes, majorBump } of comparisons) {
    for (const change of changes) {
      if (!change.breaking) report.compatible.push(change);
      else if (majorBump === undefined) report.breaking.push(change);
      else {
        const allowed = {
          ...change,
          message: `${change.message} (allowed by major version bump ${majorBump})`,
        };
        report.allowed.push(allowed);
        report.changes.push(allowed);
        continue;
      }
      report.changes.push(change);
    }
  }
  return report;
}

/**
 * The most serious severity among the changes that count: breaking (not allowed by a major bump), then
 * warning, then info; undefined when nothing changed.
 */
export function severityOf(report: DiffReport): Severity | undefined {
  const counted = [...report.breaking, ...report.compatible];
  return SEVERITIES.find((s) => counted.some((c) => c.severity === s));
}

/** Whether the report fails a gate set at `failOn`: some counted change is at least that serious. */
export function failsAt(report: DiffReport, failOn: Severity): boolean {
  const worst = severityOf(report);
  return worst !== undefined && SEVERITIES.indexOf(worst) <= SEVERITIES.indexOf(failOn);
}

/** The label a change is printed with. */
export type ChangeLabel = 'BREAKING' | 'ALLOWED' | 'WARNING' | 'ok';

/**
 * One line per change: `BREAKING user-service GET /x: response 200 field 'a' removed at specs/x.yaml:12
 * (base HEAD~1:specs/x.yaml:13) [response-property-removed]`.
 */
export function formatChange(label: ChangeLabel, change: Change): string {
  const head = locationOf(change.file, change.line);
  const base = locationOf(change.baseFile, change.baseLine);
  const where = head === undefined ? (base === undefined ? '' : ` at base ${base}`) : ` at ${head}`;
  const was = head !== undefined && base !== undefined ? ` (base ${base})` : '';
  const subject = change.operation === '' ? change.service : `${change.service} ${change.operation}`;
  return `${label.padEnd(8)} ${subject}: ${change.message}${where}${was} [${change.kind}]`;
}

/** `file:line`, `file`, or undefined without a file. */
export function locationOf(file: string | undefined, line: number | undefined): string | undefined {
  if (file === undefined) return undefined;
  return line === undefined ? file : `${file}:${line}`;
}

/**
 * The whole report as text: breaking first (each with why, and who calls it when scanned), then allowed,
 * warnings, and info changes.
 */
export function formatReport(report: DiffReport): string[] {
  const warnings = report.compatible.filter((c) => c.severity === 'warning');
  const info = report.compatible.filter((c) => c.severity !== 'warning');
  return [
    ...report.breaking.flatMap((c) => [formatChange('BREAKING', c), ...explain(c)]),
    ...report.allowed.map((c) => formatChange('ALLOWED', c)),
    ...warnings.flatMap((c) => [formatChange('WARNING', c), ...explain(c)]),
    ...info.map((c) => formatChange('ok', c)),
  ];
}

function explain(change: Change): string[] {
  const lines = [`         why: ${change.reason}`];
  if (change.consumers !== undefined) lines.push(`         called by: ${consumersText(change.consumers)}`);
  return lines;
}

/** `a.ts:3, b.ts:9`, or the sentence saying no consumer was found. */
export function consumersText(consumers: readonly string[]): string {
  return consumers.length === 0 ? 'no consumer here calls it' : consumers.join(', ');
}

/**
 * The report for machines: `{breaking, compatible, allowed}` as before (each change `{service, operation,
 * kind, message, file?, line?}`, now also `severity`, `reason`, `baseFile?`, `baseLine?`, `method?`,
 * `consumers?`;
 * `compatible` holds warnings and info), plus `summary` (counts by severity, the gate and its verdict).
 */
export function reportJson(report: DiffReport, failOn: Severity = 'breaking'): string {
  const strip = ({ breaking: _b, ...rest }: Change) => rest;
  const count = (severity: Severity) => report.compatible.filter((c) => c.severity === severity).length;
  return JSON.stringify(
    {
      breaking: report.breaking.map(strip),
      compatible: report.compatible.map(strip),
      allowed: report.allowed.map(strip),
      summary: {
        breaking: report.breaking.length,
        warning: count('warning'),
        info: count('info'),
        allowed: report.allowed.length,
        services: report.services,
        failOn,
        fails: failsAt(report, failOn),
      },
    },
    null,
    2,
  );
}
