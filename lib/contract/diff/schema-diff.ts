import type { Segments } from './change.js';
import { deref, type Json, type SchemaContext, type SchemaFinding } from './schema-context.js';
import { compareFacets } from './schema-facets.js';
import { compareObjects } from './schema-objects.js';
import { compareTypes, overlap, typeSet } from './schema-types.js';
import { compareVariants } from './schema-variants.js';

/**
 * Compares two versions of a schema (a parameter's, a body's, a header's) structurally, after following
 * `$ref`s: types (3.1 type arrays and 3.0 `nullable`), enums and bounds, then object properties, array items
 * and `oneOf`/`anyOf`/`allOf` members. Each ref pair is entered once per call, so recursive schemas end and
 * a schema used in many places is reported at the first. Paths in the findings are relative to this node.
 */
export function diffSchema(
  ctx: SchemaContext,
  base: unknown,
  head: unknown,
  headAt: Segments,
): SchemaFinding[] {
  return compareSchema({ ...ctx, seen: new Set() }, base, head, headAt);
}

/** Compares two schema nodes within one walk of `diffSchema`. */
export function compareSchema(
  ctx: SchemaContext,
  baseNode: unknown,
  headNode: unknown,
  headAt: Segments,
): SchemaFinding[] {
  const base = deref(ctx.baseDoc, baseNode, []);
  const head = deref(ctx.headDoc, headNode, headAt);
  if (base.schema === undefined || head.schema === undefined) return [];
  if (base.ref !== undefined || head.ref !== undefined) {
    const key = `${base.ref ?? ''} ${head.ref ?? ''}`;
    if (ctx.seen.has(key)) return [];
    ctx.seen.add(key);
  }
  return compareNodes(ctx, base.schema, head.schema, head.at);
}

function compareNodes(ctx: SchemaContext, base: Json, head: Json, at: Segments): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const baseTypes = typeSet(base);
  const headTypes = typeSet(head);
  const typeChange = compareTypes(baseTypes, headTypes);
  if (typeChange !== undefined) out.push({ path: [], at, ...typeChange });
  if (!overlap(baseTypes, headTypes)) return out; // a new type: its keywords are not comparable
  for (const facet of compareFacets(base, head)) out.push({ path: [], at, ...facet });
  out.push(...compareObjects(ctx, base, head, at));
  if (base.items !== undefined || head.items !== undefined) {
    const items = compareSchema(ctx, base.items ?? {}, head.items ?? {}, [...at, 'items']);
    out.push(...items.map((f) => ({ ...f, path: ['[]', ...f.path] })));
  }
  out.push(...compareVariants(ctx, base, head, at));
  return out;
}
