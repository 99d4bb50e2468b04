import type { Effect } from './change.js';
import type { Json } from './schema-context.js';
import { compareEnums, enumOf, same, show } from './schema-enums.js';

/** A difference in one keyword of a schema node (bounds, enum, pattern, format, ...). */
export interface FacetChange {
  kind: string;
  detail: string;
  effect: Effect;
  /** May break, depending on the values (oasdiff's WARN): a warning rather than breaking. */
  doubtful?: boolean;
}

/**
 * Loosened value bounds (a higher maximum, no pattern, ...) widen: harmless in a request, breaking in a
 * response, whose consumer may have sized a buffer, a column or a check by the old bound (as oasdiff rates
 * `response-property-max-length-increased`).
 */
const LOOSENED: Effect = 'widened';

const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;

/** Compares the value keywords of two schema nodes; `direction`-free: effects say which way they move. */
export function compareFacets(base: Json, head: Json): FacetChange[] {
  const b = normalizeExclusive(base);
  const h = normalizeExclusive(head);
  const out: FacetChange[] =
    'const' in base && 'const' in head && !same(base.const, head.const)
      ? [
          {
            kind: 'const-changed',
            detail: `const changed from ${show(base.const)} to ${show(head.const)}`,
            effect: 'changed',
          },
        ]
      : compareEnums(enumOf(base), enumOf(head));
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
  // A bound where there was none may only cut values nobody sends (oasdiff's `...-max-length-set` WARN).
  if (typeof base !== 'number')
    out.push({
      kind: 'constraint-added',
      detail: `${key} ${show(head)} added`,
      effect: 'narrowed',
      doubtful: true,
    });
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

/** Patterns every string matches: changing to one is removing the pattern. */
const ANY_STRING = new Set(['', '.*', '^.*', '.*$', '^.*$', '[\\s\\S]*', '^[\\s\\S]*$']);

function keyword(out: FacetChange[], key: 'pattern' | 'format', base: unknown, head: unknown) {
  if (same(base, head)) return;
  if (key === 'pattern' && base !== undefined && typeof head === 'string' && ANY_STRING.has(head))
    head = undefined;
  if (base === undefined)
    out.push({ kind: `${key}-added`, detail: `${key} ${show(head)} added`, effect: 'narrowed' });
  else if (head === undefined)
    out.push({
      kind: `${key}-removed`,
      detail: `${key} ${show(base)} removed`,
      // A pattern documents a value's shape; no reader sizes anything by it, unlike a length bound.
      effect: key === 'pattern' ? 'neutral' : 'widened',
    });
  // Whether one regular expression accepts more than another is undecidable in general: doubtful.
  else
    out.push({
      kind: `${key}-changed`,
      detail: `${key} changed from ${show(base)} to ${show(head)}`,
      effect: 'changed',
      doubtful: key === 'pattern',
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
