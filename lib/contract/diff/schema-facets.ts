import type { Effect } from './change.js';
import type { Json } from './schema-context.js';

/** A difference in one keyword of a schema node (bounds, enum, pattern, format, ...). */
export interface FacetChange {
  kind: string;
  detail: string;
  effect: Effect;
}

/**
 * Loosened value bounds (a higher maximum, no pattern, ...) break nobody: a request accepts more, and a
 * response's bounds are neither in the generated types nor checked by the client, which reads tolerantly.
 * Loosened types, enums and formats do reach consumers, so they stay `widened`.
 */
const LOOSENED: Effect = 'neutral';

const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;

/** Compares the value keywords of two schema nodes; `direction`-free: effects say which way they move. */
export function compareFacets(base: Json, head: Json): FacetChange[] {
  const b = normalizeExclusive(base);
  const h = normalizeExclusive(head);
  const out: FacetChange[] = [...compareEnums(enumOf(base), enumOf(head))];
  for (const key of LOWER) bound(out, key, b[key], h[key], 'raised', 'lowered');
  for (const key of UPPER) bound(out, key, b[key], h[key], 'lowered', 'raised');
  if (base.uniqueItems !== true && head.uniqueItems === true)
    out.push({ kind: 'constraint-narrowed', detail: 'uniqueItems added', effect: 'narrowed' });
  if (base.uniqueItems === true && head.uniqueItems !== true)
    out.push({ kind: 'constraint-widened', detail: 'uniqueItems removed', effect: LOOSENED });
  keyword(out, 'pattern', base.pattern, head.pattern);
  keyword(out, 'format', base.format, head.format);
  multipleOf(out, base.multipleOf, head.multipleOf);
  if (base.default !== undefined && !same(base.default, head.default)) {
    // A client that omits the value gets different behaviour; a response default means nothing to a reader.
    out.push({
      kind: 'default-changed',
      detail: `default changed from ${show(base.default)} to ${show(head.default)}`,
      effect: 'narrowed',
    });
  }
  return out;
}

/** The allowed values of a node: `enum`, or `const` as a one-value enum; undefined when unrestricted. */
function enumOf(schema: Json): unknown[] | undefined {
  const values = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : undefined;
  // With a `type`, a null in the enum only mirrors the type's nullability, which the type comparison reports.
  return schema.type === undefined ? values : values?.filter((v) => v !== null);
}

function compareEnums(base: unknown[] | undefined, head: unknown[] | undefined): FacetChange[] {
  if (base === undefined && head === undefined) return [];
  if (base === undefined)
    return [{ kind: 'enum-added', detail: `restricted to enum ${show(head)}`, effect: 'narrowed' }];
  if (head === undefined)
    return [{ kind: 'enum-removed', detail: `enum ${show(base)} removed`, effect: 'widened' }];
  const out: FacetChange[] = [];
  for (const v of base)
    if (!head.some((w) => same(v, w)))
      out.push({ kind: 'enum-value-removed', detail: `enum value ${show(v)} removed`, effect: 'narrowed' });
  for (const v of head)
    if (!base.some((w) => same(v, w)))
      out.push({ kind: 'enum-value-added', detail: `enum value ${show(v)} added`, effect: 'widened' });
  return out;
}

/** 3.0 writes `exclusiveMinimum: true` beside `minimum`; 3.1 writes the bound itself. */
function normalizeExclusive(schema: Json): Json {
  const out = { ...schema };
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] === true) [out[flag], out[bound]] = [out[bound], undefined];
    else out[flag] = undefined;
  }
  return out;
}

function bound(
  out: FacetChange[],
  key: string,
  base: unknown,
  head: unknown,
  tighter: string,
  looser: string,
) {
  if (typeof base !== 'number' && typeof head !== 'number') return;
  const narrowing = tighter === 'raised' ? (a: number, b: number) => b > a : (a: number, b: number) => b < a;
  if (typeof base !== 'number')
    out.push({ kind: 'constraint-narrowed', detail: `${key} ${show(head)} added`, effect: 'narrowed' });
  else if (typeof head !== 'number')
    out.push({ kind: 'constraint-widened', detail: `${key} ${base} removed`, effect: LOOSENED });
  else if (narrowing(base, head))
    out.push({
      kind: 'constraint-narrowed',
      detail: `${key} ${tighter} from ${base} to ${head}`,
      effect: 'narrowed',
    });
  else if (base !== head)
    out.push({
      kind: 'constraint-widened',
      detail: `${key} ${looser} from ${base} to ${head}`,
      effect: LOOSENED,
    });
}

function keyword(out: FacetChange[], key: 'pattern' | 'format', base: unknown, head: unknown) {
  if (same(base, head)) return;
  if (base === undefined)
    out.push({ kind: `${key}-added`, detail: `${key} ${show(head)} added`, effect: 'narrowed' });
  else if (head === undefined)
    out.push({
      kind: `${key}-removed`,
      detail: `${key} ${show(base)} removed`,
      effect: key === 'pattern' ? LOOSENED : 'widened',
    });
  else
    out.push({
      kind: `${key}-changed`,
      detail: `${key} changed from ${show(base)} to ${show(head)}`,
      effect: 'changed',
    });
}

function multipleOf(out: FacetChange[], base: unknown, head: unknown) {
  if (same(base, head)) return;
  const b = typeof base === 'number' ? base : 1;
  const h = typeof head === 'number' ? head : 1;
  const detail = `multipleOf changed from ${show(base)} to ${show(head)}`;
  if (h % b === 0) out.push({ kind: 'constraint-narrowed', detail, effect: 'narrowed' });
  else if (b % h === 0) out.push({ kind: 'constraint-widened', detail, effect: LOOSENED });
  else out.push({ kind: 'constraint-changed', detail, effect: 'changed' });
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A value as it would appear in YAML-ish prose: strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return 'none';
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return JSON.stringify(value);
}
