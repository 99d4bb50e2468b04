import type { Segments } from './change.js';
import { deref, type Json, type SchemaContext, type SchemaFinding } from './schema-context.js';
import { compareFacets } from './schema-facets.js';
import { compareKeywords } from './schema-keywords.js';
import { compareObjects } from './schema-objects.js';
import { oneOfOverlap } from './schema-overlap.js';
import { compareTypes, overlap, typeSet } from './schema-types.js';
import { compareVariants } from './schema-variants.js';
import { wrappingAdditions, wrappingOf } from './schema-wrapping.js';

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
  baseAt: Segments = [],
): SchemaFinding[] {
  return compareSchema({ ...ctx, seen: new Set() }, base, head, headAt, baseAt);
}

/** Compares two schema nodes within one walk of `diffSchema`. */
export function compareSchema(
  ctx: SchemaContext,
  baseNode: unknown,
  headNode: unknown,
  headAt: Segments,
  baseAt: Segments,
): SchemaFinding[] {
  const base = deref(ctx.baseDoc, baseNode, baseAt);
  const head = deref(ctx.headDoc, headNode, headAt);
  if (base.schema === undefined || head.schema === undefined) return [];
  if (base.ref !== undefined || head.ref !== undefined) {
    const key = `${base.ref ?? ''} ${head.ref ?? ''}`;
    if (ctx.seen.has(key)) return [];
    ctx.seen.add(key);
  }
  const wrap = wrappingOf(ctx.headDoc, base, head.schema);
  if (wrap !== undefined) {
    const member = wrap.members[wrap.index];
    return [
      ...oneOfOverlap(ctx.headDoc, head.schema, head.at, base.at),
      ...wrappingAdditions(ctx, wrap, head.at, base.at),
      ...compareSchema(ctx, baseNode, member, [...head.at, wrap.keyword, wrap.index], baseAt),
    ];
  }
  return compareNodes(ctx, base.schema, head.schema, head.at, base.at);
}

function compareNodes(
  ctx: SchemaContext,
  base: Json,
  head: Json,
  at: Segments,
  baseAt: Segments,
): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const baseTypes = typeSet(base);
  const headTypes = typeSet(head);
  const typeChange = compareTypes(baseTypes, headTypes, ctx.textual === true);
  if (typeChange !== undefined) out.push({ path: [], at, baseAt, ...typeChange });
  if (!overlap(baseTypes, headTypes)) return out; // a new type: its keywords are not comparable
  for (const facet of compareFacets(base, head)) out.push({ path: [], at, baseAt, ...facet });
  out.push(...compareObjects(ctx, base, head, at, baseAt));
  out.push(...compareKeywords(ctx, base, head, at, baseAt));
  if (base.items !== undefined || head.items !== undefined) {
    const items = compareSchema(
      ctx,
      base.items ?? {},
      head.items ?? {},
      [...at, 'items'],
      [...baseAt, 'items'],
    );
    out.push(...items.map((f) => ({ ...f, path: ['[]', ...f.path] })));
  }
  out.push(...compareVariants(ctx, base, head, at, baseAt));
  return out;
}
