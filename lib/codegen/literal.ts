/**
 * Prints a JSON value as a TypeScript literal, two-space indented, with arrays of scalars kept on one line,
 * so generated tables stay short and readable. With `compact`, an object holding only scalars (and arrays of
 * scalars) goes on one line too when that line stays short: `{ type: "string", maxLength: 40 }`, the bulk of
 * a schema table. Deterministic: key order is the input's.
 */
export function toLiteral(value: unknown, indent = '', compact = false): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isScalar)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${toLiteral(v, inner, compact)}`).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const key = (k: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : JSON.stringify(k));
  if (compact && entries.every(([, v]) => isScalar(v) || (Array.isArray(v) && v.every(isScalar)))) {
    const line = `{ ${entries.map(([k, v]) => `${key(k)}: ${toLiteral(v)}`).join(', ')} }`;
    if (line.length <= COMPACT_WIDTH) return line;
  }
  return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${toLiteral(v, inner, compact)}`).join(',\n')},\n${indent}}`;
}

/** Longest one-line object of compact output. */
const COMPACT_WIDTH = 80;

function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}
