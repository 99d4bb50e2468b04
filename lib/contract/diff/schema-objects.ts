import type { Effect, Segments } from './change.js';
import { deref, isJson, type Json, type SchemaContext, type SchemaFinding } from './schema-context.js';
import { compareSchema } from './schema-diff.js';

/**
 * Compares the object keywords of two schema nodes: properties (removed, added, required or not) and
 * `additionalProperties`. Properties a side never sends are skipped: `readOnly` ones in requests,
 * `writeOnly` ones in responses. A new response property is compatible: clients read tolerantly.
 */
export function compareObjects(
  ctx: SchemaContext,
  base: Json,
  head: Json,
  at: Segments,
  baseAt: Segments,
): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const baseProps = isJson(base.properties) ? base.properties : {};
  const headProps = isJson(head.properties) ? head.properties : {};
  const baseRequired = requiredOf(base);
  const headRequired = requiredOf(head);
  const names = new Set([
    ...Object.keys(baseProps),
    ...baseRequired,
    ...Object.keys(headProps),
    ...headRequired,
  ]);
  const request = ctx.direction === 'request';
  const add = (
    name: string,
    kind: string,
    detail: string,
    effect: Effect,
    where: Segments,
    doubtful = false,
  ) =>
    out.push({
      path: [name],
      kind,
      detail,
      effect,
      at: where,
      baseAt:
        baseProps[name] !== undefined
          ? [...baseAt, 'properties', name]
          : isJson(base.properties)
            ? [...baseAt, 'properties']
            : baseAt,
      ...(doubtful ? { doubtful } : {}),
    });

  for (const name of names) {
    const b = baseProps[name];
    const h = headProps[name];
    if (hidden(ctx, ctx.baseDoc, b) || hidden(ctx, ctx.headDoc, h)) continue;
    const where = h === undefined ? [...at, 'properties'] : [...at, 'properties', name];
    const inBase = b !== undefined || baseRequired.has(name);
    const inHead = h !== undefined || headRequired.has(name);
    if (inBase && !inHead) {
      // A closed request object now refuses the field; an open one may ignore it or refuse it, and a client
      // that relied on a required one sending meaning may lose it (oasdiff's WARN). A reader loses it either
      // way, for certain when it was required, else only when it was relied on.
      if (request) {
        const closed = head.additionalProperties === false;
        add(name, 'property-removed', 'removed', 'narrowed', where, !closed);
      } else add(name, 'property-removed', 'removed', 'widened', where, !baseRequired.has(name));
      continue;
    }
    if (!inBase && inHead) {
      if (headRequired.has(name))
        add(name, 'required-property-added', 'added as required', 'narrowed', where);
      else add(name, 'property-added', 'added', 'neutral', where);
      continue;
    }
    if (!baseRequired.has(name) && headRequired.has(name))
      add(name, 'property-made-required', 'made required', 'narrowed', where);
    if (baseRequired.has(name) && !headRequired.has(name))
      add(name, 'property-made-optional', 'made optional', 'widened', where);
    if (b !== undefined && h !== undefined) {
      const found = compareSchema(ctx, b, h, where, [...baseAt, 'properties', name]);
      for (const f of found) out.push({ ...f, path: [name, ...f.path] });
    }
  }
  out.push(...compareAdditional(ctx, base, head, at, baseAt));
  return out;
}

function compareAdditional(
  ctx: SchemaContext,
  base: Json,
  head: Json,
  at: Segments,
  baseAt: Segments,
): SchemaFinding[] {
  const b = base.additionalProperties;
  const h = head.additionalProperties;
  const where = [...at, 'additionalProperties'];
  if (b !== false && h === false) {
    return [
      {
        path: [],
        kind: 'additional-properties-closed',
        detail: 'no longer accepts additional properties',
        effect: 'narrowed',
        at: where,
      },
    ];
  }
  if (b === false && h !== false) {
    // Wider, but a tolerant reader ignores fields it does not know: only requests gain from it.
    const effect: Effect = ctx.direction === 'request' ? 'widened' : 'neutral';
    return [
      {
        path: [],
        kind: 'additional-properties-opened',
        detail: 'now accepts additional properties',
        effect,
        at: where,
      },
    ];
  }
  if (isJson(b) || isJson(h)) {
    const baseWhere = [...baseAt, 'additionalProperties'];
    return compareSchema(ctx, isJson(b) ? b : {}, isJson(h) ? h : {}, where, baseWhere).map((f) => ({
      ...f,
      path: ['*', ...f.path],
    }));
  }
  return [];
}

function requiredOf(schema: Json): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
}

/** Whether a property is one this direction never carries: readOnly in a request, writeOnly in a response. */
function hidden(ctx: SchemaContext, doc: Json, node: unknown): boolean {
  if (node === undefined) return false;
  const { schema } = deref(doc, node, []);
  return ctx.direction === 'request' ? schema?.readOnly === true : schema?.writeOnly === true;
}
