import type { Segments } from './change.js';
import { deref, type Json, type Resolved, type SchemaContext, type SchemaFinding } from './schema-context.js';
import { overlap, typeSet } from './schema-types.js';

/** Where a base schema went when the head wrapped it in `oneOf`/`anyOf`. */
export interface Wrapping {
  keyword: 'oneOf' | 'anyOf';
  /** The head member standing for the base schema. */
  index: number;
  members: unknown[];
}

/**
 * Whether the head wraps the base schema in `oneOf`/`anyOf` (`{oneOf: [{type: 'null'}, {$ref: X}]}` for
 * what was `{$ref: X}`, the 3.1 way of making a reference nullable): the head has the keyword and nothing
 * else that constrains, the base has neither, and exactly one member stands for the base, by `$ref` or,
 * failing that, as the only member whose types overlap the base's. Then the base is compared with that
 * member, and the others are what the wrapping added.
 */
export function wrappingOf(doc: Json, base: Resolved, head: Json): Wrapping | undefined {
  if (base.schema === undefined || base.schema.oneOf !== undefined || base.schema.anyOf !== undefined)
    return undefined;
  if (head.type !== undefined || head.properties !== undefined || head.items !== undefined) return undefined;
  const keyword = Array.isArray(head.oneOf) ? 'oneOf' : Array.isArray(head.anyOf) ? 'anyOf' : undefined;
  if (keyword === undefined) return undefined;
  const members = head[keyword] as unknown[];
  const resolved = members.map((m) => deref(doc, m, []));
  const byRef = base.ref === undefined ? -1 : resolved.findIndex((m) => m.ref === base.ref);
  if (byRef !== -1) return { keyword, index: byRef, members };
  const baseTypes = typeSet(base.schema);
  if (baseTypes === undefined) return undefined;
  const candidates = resolved
    .map((m, i) => ({ types: typeSet(m.schema ?? {}), i }))
    .filter(({ types }) => !isNullOnly(types) && overlap(baseTypes, types));
  return candidates.length === 1 && candidates[0] !== undefined
    ? { keyword, index: candidates[0].i, members }
    : undefined;
}

/** What the other members of a wrapping add: `null` (made nullable) or another alternative. */
export function wrappingAdditions(
  ctx: SchemaContext,
  wrap: Wrapping,
  at: Segments,
  baseAt: Segments,
): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  for (const [i, member] of wrap.members.entries()) {
    if (i === wrap.index) continue;
    const where = [...at, wrap.keyword, i];
    const types = typeSet(deref(ctx.headDoc, member, []).schema ?? {});
    if (isNullOnly(types)) {
      out.push({
        path: [],
        kind: 'nullable-added',
        detail: 'made nullable',
        effect: 'widened',
        at: where,
        baseAt,
      });
    } else {
      const detail = `wrapped in ${wrap.keyword} with another member #${i + 1}`;
      out.push({ path: [], kind: 'variant-added', detail, effect: 'widened', at: where, baseAt });
    }
  }
  return out;
}

function isNullOnly(types: ReadonlySet<string> | undefined): boolean {
  return types !== undefined && types.size === 1 && types.has('null');
}
