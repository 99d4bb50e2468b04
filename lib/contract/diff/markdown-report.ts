import type { Change, DiffReport, Severity } from './change.js';
import { consumersText, failsAt, locationOf } from './report.js';

const HEADER = [
  '| Severity | Rule | Operation | Change | Head | Base | Why | Consumers |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
];

/**
 * The report as a pull-request comment: a verdict line, then one table per service (breaking first, then
 * allowed, warnings, info) with severity, rule, operation, change, head and base `file:line`, reason and
 * consumers. Info changes of a service sit in a collapsed `<details>` block so the table stays readable.
 */
export function formatMarkdown(report: DiffReport, failOn: Severity = 'breaking'): string {
  const warnings = report.compatible.filter((c) => c.severity === 'warning');
  const info = report.compatible.filter((c) => c.severity === 'info');
  const verdict = failsAt(report, failOn) ? 'fails' : 'passes';
  const lines = [
    `### switchboard diff ${verdict} (\`--fail-on ${failOn}\`)`,
    '',
    `${report.breaking.length} breaking, ${warnings.length} warning, ${info.length} info, ${report.allowed.length} allowed by a major version bump, across ${report.services} service${report.services === 1 ? '' : 's'}.`,
  ];
  const services = [...new Set(report.changes.map((c) => c.service))].sort();
  for (const service of services) {
    const mine = (list: Change[]) => list.filter((c) => c.service === service);
    const serious = [
      ...mine(report.breaking).map((c) => row('**breaking**', c)),
      ...mine(report.allowed).map((c) => row('allowed', c)),
      ...mine(warnings).map((c) => row('warning', c)),
    ];
    const rest = mine(info).map((c) => row('info', c));
    lines.push('', `#### ${service}`, '');
    if (serious.length > 0) lines.push(...HEADER, ...serious);
    else lines.push('No breaking changes and no warnings.');
    if (rest.length > 0) {
      lines.push(
        '',
        `<details><summary>${rest.length} info</summary>`,
        '',
        ...HEADER,
        ...rest,
        '',
        '</details>',
      );
    }
  }
  return lines.join('\n');
}

function row(label: string, change: Change): string {
  const code = (text: string | undefined) => (text === undefined ? '' : `\`${text}\``);
  const consumers =
    change.consumers === undefined
      ? ''
      : change.consumers.length === 0
        ? consumersText([])
        : change.consumers.map((c) => `\`${c}\``).join('<br>');
  const cells = [
    label,
    code(change.kind),
    code(change.operation || undefined),
    cell(change.message),
    code(locationOf(change.file, change.line)),
    code(locationOf(change.baseFile, change.baseLine)),
    cell(change.reason),
    consumers,
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Text safe inside a table cell: pipes escaped, newlines flattened. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}
