import type { OperationReport, VerifyReport } from './verify-report.js';

/** `200×52 400×101`: a status histogram on one line. */
export function formatStatuses(statuses: Readonly<Record<string, number>>): string {
  return Object.entries(statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
}

/**
 * The human-readable report: a header, one summary line per operation (cases, statuses, verdict), then
 * every recorded violation with its reasons and curl line, the notes, and a closing total with the rate.
 */
export function formatReport(report: VerifyReport): string {
  const lines = [
    `${report.title} (${report.spec}) at ${report.baseUrl}: seed ${report.seed}, ${report.casesPerOperation} cases per operation`,
  ];
  const idWidth = Math.max(...report.operations.map((o) => o.operationId.length), 8);
  const routeWidth = Math.max(...report.operations.map((o) => o.method.length + o.path.length + 1), 10);
  for (const op of report.operations) {
    const verdict = op.violationCount === 0 ? 'ok' : `${op.violationCount} violation(s)`;
    lines.push(
      `  ${op.operationId.padEnd(idWidth)}  ${`${op.method} ${op.path}`.padEnd(routeWidth)}  ${String(op.cases).padStart(4)} cases  ${formatStatuses(op.statuses)}  ${verdict}`,
    );
  }
  for (const op of report.operations) lines.push(...violationLines(op));
  const notes = report.operations.flatMap((op) => op.notes.map((n) => `  ${op.operationId}: ${n}`));
  if (notes.length > 0) lines.push('notes:', ...notes);
  if (report.uncheckedFormats.length > 0)
    lines.push(`formats not checked (unknown to the validator): ${report.uncheckedFormats.join(', ')}`);
  const seconds = (report.durationMs / 1000).toFixed(2);
  lines.push(
    `${report.operations.length} operation(s), ${report.cases} cases in ${seconds} s (${Math.round(report.casesPerSecond)} cases/s): ${report.violations} violation(s)`,
  );
  return lines.join('\n');
}

function violationLines(op: OperationReport): string[] {
  if (op.violationCount === 0) return [];
  const lines = [`violations of ${op.operationId} (${op.method} ${op.path}):`];
  for (const v of op.violations) {
    lines.push(`  [${v.kind}] ${v.case} → ${v.status ?? 'no answer'}`);
    for (const reason of v.reasons) lines.push(`    ${reason}`);
    lines.push(`    ${v.curl}`);
  }
  const hidden = op.violationCount - op.violations.length;
  if (hidden > 0) lines.push(`  … and ${hidden} more`);
  return lines;
}
