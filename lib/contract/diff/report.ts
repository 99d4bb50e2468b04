import type { Change, DiffReport } from './change.js';
import type { ServiceComparison } from './compare-specs.js';

/**
 * Sorts the changes of every compared service into the verdict: breaking, compatible, or breaking but
 * allowed because the service's `info.version` major went up.
 */
export function buildReport(comparisons: readonly ServiceComparison[]): DiffReport {
  const report: DiffReport = { breaking: [], compatible: [], allowed: [], services: comparisons.length };
  for (const { changes, majorBump } of comparisons) {
    for (const change of changes) {
      if (!change.breaking) report.compatible.push(change);
      else if (majorBump === undefined) report.breaking.push(change);
      else
        report.allowed.push({
          ...change,
          message: `${change.message} (allowed by major version bump ${majorBump})`,
        });
    }
  }
  return report;
}

/** One line per change: `BREAKING user-service GET /x: response 200 field 'a' removed at specs/x.yaml:12`. */
export function formatChange(label: 'BREAKING' | 'ALLOWED' | 'ok', change: Change): string {
  const where =
    change.file === undefined
      ? ''
      : ` at ${change.file}${change.line === undefined ? '' : `:${change.line}`}`;
  const subject = change.operation === '' ? change.service : `${change.service} ${change.operation}`;
  return `${label.padEnd(8)} ${subject}: ${change.message}${where}`;
}

/** The whole report as text: breaking first, then allowed, then compatible changes. */
export function formatReport(report: DiffReport): string[] {
  return [
    ...report.breaking.map((c) => formatChange('BREAKING', c)),
    ...report.allowed.map((c) => formatChange('ALLOWED', c)),
    ...report.compatible.map((c) => formatChange('ok', c)),
  ];
}

/** The report for machines: `{breaking, compatible, allowed}`, each change `{service, operation, kind, message, file?, line?}`. */
export function reportJson(report: DiffReport): string {
  const strip = ({ breaking: _b, ...rest }: Change) => rest;
  return JSON.stringify(
    {
      breaking: report.breaking.map(strip),
      compatible: report.compatible.map(strip),
      allowed: report.allowed.map(strip),
    },
    null,
    2,
  );
}
