import type { Effect, Segments } from './change.js';
import { deref, type Json, type SchemaContext, type SchemaFinding } from './schema-context.js';
import { compareSchema } from './schema-diff.js';

const KEYWORDS = ['oneOf', 'anyOf', 'allOf'] as const;

/**
 * Compares `oneOf`, `anyOf` and `allOf` member by member. Members are paired by `title`, else by the name
 * of the component they refer to, else by position. A new `oneOf`/`anyOf` member widens what is accepted
 * (a consumer may not handle it), a removed one narrows it; for `allOf` it is the other way round.
 */
export function compareVariants(ctx: SchemaContext, base: Json, head: Json, at: Segments): SchemaFinding[] {
  const out: SchemaFinding[] = [];
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
          effect: shrinks,
          at: [...at, keyword],
        });
        continue;
      }
      const found = compareSchema(ctx, b[i], h[j], [...at, keyword, j]);
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
