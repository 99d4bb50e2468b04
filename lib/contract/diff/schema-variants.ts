import type { Effect, Segments } from './change.js';
import { deref, type Json, type SchemaContext, type SchemaFinding } from './schema-context.js';
import { compareSchema } from './schema-diff.js';
import { oneOfOverlap } from './schema-overlap.js';

const KEYWORDS = ['oneOf', 'anyOf', 'allOf'] as const;

/**
 * Compares `oneOf`, `anyOf` and `allOf` member by member. Members are paired by `title`, else by the name
 * of the component they refer to, else by position. A new `oneOf`/`anyOf` member widens what is accepted
 * (a consumer may not handle it), a removed one narrows it; for `allOf` it is the other way round.
 */
export function compareVariants(
  ctx: SchemaContext,
  base: Json,
  head: Json,
  at: Segments,
  baseAt: Segments,
): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  if (!Array.isArray(base.oneOf)) out.push(...oneOfOverlap(ctx.headDoc, head, at, baseAt));
  for (const keyword of KEYWORDS) {
    const b = Array.isArray(base[keyword]) ? (base[keyword] as unknown[]) : [];
    const h = Array.isArray(head[keyword]) ? (head[keyword] as unknown[]) : [];
    if (b.length === 0 && h.length === 0) continue;
    const grows: Effect = keyword === 'allOf' ? 'narrowed' : 'widened';
    const shrinks: Effect = keyword === 'allOf' ? 'widened' : 'narrowed';
    const baseKeys = b.map((node, i) => memberKey(ctx.baseDoc, node, i));
    const headKeys = h.map((node, i) => memberKey(ctx.headDoc, node, i));
    for (const [i, key] of baseKeys.entries()) {
      const j = headKeys.indexOf(key);
      if (j === -1) {
        out.push({
          path: [],
          kind: 'variant-removed',
          detail: `${keyword} member ${key} removed`,
          // Fewer allOf members accept more, but a provider may still rely on what the member described
          // (oasdiff's WARN).
          ...(keyword === 'allOf' && ctx.direction === 'request'
            ? { effect: 'changed' as const, doubtful: true }
            : { effect: shrinks }),
          at: [...at, keyword],
          baseAt: [...baseAt, keyword, i],
        });
        continue;
      }
      const found = compareSchema(ctx, b[i], h[j], [...at, keyword, j], [...baseAt, keyword, i]);
      out.push(...found.map((f) => ({ ...f, path: [`(${keyword} ${key})`, ...f.path] })));
    }
    for (const [j, key] of headKeys.entries()) {
      if (!baseKeys.includes(key)) {
        out.push({
          path: [],
          kind: 'variant-added',
          detail: `${keyword} member ${key} added`,
          effect: grows,
          at: [...at, keyword, j],
          baseAt: Array.isArray(base[keyword]) ? [...baseAt, keyword] : baseAt,
        });
      }
    }
  }
  return out;
}

/** `'Cat'` for a member titled or referring to Cat, `#2` for an anonymous third member. */
function memberKey(doc: Json, node: unknown, index: number): string {
  const { schema, ref } = deref(doc, node, []);
  if (typeof schema?.title === 'string') return `'${schema.title}'`;
  if (ref !== undefined) return `'${ref.slice(ref.lastIndexOf('/') + 1)}'`;
  return `#${index + 1}`;
}
