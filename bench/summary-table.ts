import type { ResultFile } from './suite.js';

/** Renders a result as two aligned plain-text tables, metrics then rows, for the terminal. */
export function summaryTable(file: ResultFile): string {
  const metrics = Object.entries(file.metrics).map(([name, value]) => [name, String(value)]);
  const out = [
    `${file.suite}  (${file.date}, node ${file.node}, ${file.cpus} cpus)`,
    '',
    formatTable(['metric', 'value'], metrics),
  ];
  const first = file.rows[0];
  if (first !== undefined) {
    const keys = Object.keys(first);
    const cells = file.rows.map((row) => keys.map((k) => cell((row as Record<string, unknown>)[k])));
    out.push('', formatTable(keys, cells));
  }
  return out.join('\n');
}

/** Left-aligned text columns separated by two spaces, with a dashed rule under the header. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function cell(value: unknown): string {
  if (Array.isArray(value)) return value.map(cell).join(' ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
