import type { Json } from './schema-context.js';
import type { FacetChange } from './schema-facets.js';

/** The allowed values of a node: `enum`, or `const` as a one-value enum; undefined when unrestricted. */
export function enumOf(schema: Json): unknown[] | undefined {
  const values = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : undefined;
  // With a `type`, a null in the enum only mirrors the type's nullability, which the type comparison reports.
  return schema.type === undefined ? values : values?.filter((v) => v !== null);
}

/**
 * Compares the allowed values of two versions of a node: a restriction added narrows, one removed widens,
 * a value removed narrows, a value added widens (doubtfully: oasdiff rates it WARN for responses).
 */
export function compareEnums(base: unknown[] | undefined, head: unknown[] | undefined): FacetChange[] {
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
      // A reader may handle unknown values already (oasdiff's WARN); one switching over them exhaustively breaks.
      out.push({
        kind: 'enum-value-added',
        detail: `enum value ${show(v)} added`,
        effect: 'widened',
        doubtful: true,
      });
  return out;
}

/** Whether two JSON values are equal. */
export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A value as it would appear in YAML-ish prose: strings quoted, the rest as JSON. */
export function show(value: unknown): string {
  if (value === undefined) return 'none';
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return JSON.stringify(value);
}
