import type { Effect } from './change.js';
import type { Json } from './schema-context.js';

/** The JSON types a schema allows, or undefined when it names none (any type). */
export type TypeSet = ReadonlySet<string> | undefined;

/**
 * Reads `type` (3.1 string or array) plus 3.0 `nullable: true` into a set of JSON type names. A schema
 * without `type` but with `properties` (or `items`) is read as an object (or array), as its authors meant,
 * so that adding the missing `type` is not reported.
 */
export function typeSet(schema: Json): TypeSet {
  const { type } = schema;
  const implied =
    schema.properties !== undefined ? ['object'] : schema.items !== undefined ? ['array'] : undefined;
  const names = typeof type === 'string' ? [type] : Array.isArray(type) ? type.map(String) : implied;
  if (names === undefined) return undefined;
  const set = new Set(names);
  if (schema.nullable === true) set.add('null');
  return set;
}

/** Whether a set allows values of `type`; an integer is also a number. */
export function allows(set: TypeSet, type: string): boolean {
  if (set === undefined) return true;
  return set.has(type) || (type === 'integer' && set.has('number'));
}

/** Whether a value could satisfy both sets, ignoring null: deeper comparison only makes sense then. */
export function overlap(base: TypeSet, head: TypeSet): boolean {
  if (base === undefined || head === undefined) return true;
  return [...base].some((t) => t !== 'null' && (allows(head, t) || (t === 'number' && head.has('integer'))));
}

/** One type difference, or undefined when both sets allow the same values. */
export interface TypeChange {
  kind: string;
  detail: string;
  effect: Effect;
  doubtful?: boolean;
}

const SCALARS = new Set(['number', 'integer', 'boolean', 'null']);

/**
 * Compares the type sets of two versions of a schema. With `textual` (a parameter, sent as text), a scalar
 * becoming a string may still accept every value sent before, so that change is only doubtful.
 */
export function compareTypes(base: TypeSet, head: TypeSet, textual = false): TypeChange | undefined {
  if (base === undefined && head === undefined) return undefined;
  if (base === undefined)
    return { kind: 'type-narrowed', detail: `type restricted to ${show(head)}`, effect: 'narrowed' };
  if (head === undefined)
    return { kind: 'type-widened', detail: `type restriction ${show(base)} removed`, effect: 'widened' };
  const lost = [...base].filter((t) => !allows(head, t));
  const gained = [...head].filter((t) => !allows(base, t));
  if (lost.length === 0 && gained.length === 0) return undefined;
  if (lost.length === 0 && gained.length === 1 && gained[0] === 'null') {
    return { kind: 'nullable-added', detail: 'made nullable', effect: 'widened' };
  }
  if (gained.length === 0 && lost.length === 1 && lost[0] === 'null') {
    return { kind: 'nullable-removed', detail: 'no longer nullable', effect: 'narrowed' };
  }
  const detail = `type changed from ${show(base)} to ${show(head)}`;
  if (gained.length === 0) return { kind: 'type-narrowed', detail, effect: 'narrowed' };
  if (lost.length === 0) return { kind: 'type-widened', detail, effect: 'widened' };
  const toText = textual && gained.every((t) => t === 'string') && lost.every((t) => SCALARS.has(t));
  return { kind: 'type-changed', detail, effect: 'changed', ...(toText ? { doubtful: true } : {}) };
}

function show(set: TypeSet): string {
  return set === undefined ? 'any' : [...set].join(' | ');
}
