/**
 * Prints a JSON value as a TypeScript literal, two-space indented, with arrays of scalars kept on one line,
 * so generated tables stay short and readable. With `compact`, an object holding only scalars (and arrays of
 * scalars) goes on one line too when that line stays short: `{ type: "string", maxLength: 40 }`, the bulk of
 * a schema table. From depth `flatDepth` down (default: never) values are printed flat, see `toFlatLiteral`;
 * `rowDepth` picks it for big tables. Deterministic: key order is the input's.
 */
export function toLiteral(
  value: unknown,
  indent = '',
  compact = false,
  flatDepth = Number.POSITIVE_INFINITY,
): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return quote(value);
  if (flatDepth <= 0) return toFlatLiteral(value);
  const inner = `${indent}  `;
  const below = (v: unknown) => toLiteral(v, inner, compact, flatDepth - 1);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isScalar)) return `[${value.map(quote).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${below(v)}`).join(',\n')},\n${indent}]`;
  }
  const entries = definedEntries(value);
  if (entries.length === 0) return '{}';
  if (compact && entries.every(([, v]) => isScalar(v) || (Array.isArray(v) && v.every(isScalar)))) {
    const line = `{ ${entries.map(([k, v]) => `${key(k)}: ${toLiteral(v)}`).join(', ')} }`;
    if (line.length <= COMPACT_WIDTH) return line;
  }
  return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${below(v)}`).join(',\n')},\n${indent}}`;
}

/**
 * A literal on one line without spaces: `{type:"string",enum:["a","b"]}`. Same value as `toLiteral`;
 * for big specs, where indentation would be a third of the output (GitHub's spec: megabytes).
 */
export function toFlatLiteral(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return quote(value);
  if (Array.isArray(value)) return `[${value.map(toFlatLiteral).join(',')}]`;
  return `{${definedEntries(value)
    .map(([k, v]) => `${key(k)}:${toFlatLiteral(v)}`)
    .join(',')}}`;
}

/**
 * The `flatDepth` for a table whose rows (operations, schemas) sit at `depth`: each row on one line when
 * the table is large, never flat otherwise, so our own small specs keep diffable multi-line output.
 */
export function rowDepth(table: unknown, depth: number): number {
  return isLarge(table) ? depth : Number.POSITIVE_INFINITY;
}

/** Whether a value is over `LARGE_LITERAL` characters of JSON. */
export function isLarge(value: unknown): boolean {
  return String(JSON.stringify(value)).length > LARGE_LITERAL;
}

/** Above this much JSON, generated literals go flat: far above our own specs (≤ 10 KB), far below GitHub's (megabytes). */
export const LARGE_LITERAL = 64 * 1024;

/** Longest one-line object of compact output. */
const COMPACT_WIDTH = 80;

function definedEntries(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

function key(k: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : quote(k);
}

/** JSON text, with U+2028/U+2029 escaped: TypeScript reads them as line breaks inside a string literal. */
function quote(v: unknown): string {
  return String(JSON.stringify(v)).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}
