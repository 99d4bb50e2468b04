import type { Segments } from './change.js';
import { isJson, type Json, type SchemaContext, type SchemaFinding } from './schema-context.js';
import { compareSchema } from './schema-diff.js';

/** JSON Schema 2020-12 keywords holding one subschema whose narrowing narrows the whole node. */
const NESTED = ['contains', 'propertyNames'] as const;

/** Keywords that only restrict when present; a change to their subschemas moves values both ways. */
const CONDITIONAL = ['if', 'then', 'else', 'not', 'dependentSchemas'] as const;

/**
 * Compares the JSON Schema 2020-12 (OpenAPI 3.1) keywords the other comparisons do not read: `contains`
 * and `propertyNames` (compared as schemas), `dependentRequired` (dependency by dependency), and the
 * conditional `if`/`then`/`else`, `not`, `dependentSchemas`. Adding any of them restricts what is
 * accepted; removing one accepts more; changing a conditional one may do either.
 */
export function compareKeywords(
  ctx: SchemaContext,
  base: Json,
  head: Json,
  at: Segments,
  baseAt: Segments,
): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const finding = (keyword: string, kind: string, detail: string, effect: SchemaFinding['effect']) =>
    out.push({
      path: [],
      kind,
      detail,
      effect,
      at: head[keyword] === undefined ? at : [...at, keyword],
      baseAt: base[keyword] === undefined ? baseAt : [...baseAt, keyword],
    });
  for (const keyword of [...NESTED, ...CONDITIONAL]) {
    const b = base[keyword];
    const h = head[keyword];
    if (b === undefined && h === undefined) continue;
    if (b === undefined) finding(keyword, 'keyword-added', `${keyword} added`, 'narrowed');
    else if (h === undefined) finding(keyword, 'keyword-removed', `${keyword} removed`, 'widened');
    else if ((NESTED as readonly string[]).includes(keyword)) {
      const found = compareSchema(ctx, b, h, [...at, keyword], [...baseAt, keyword]);
      out.push(...found.map((f) => ({ ...f, path: [`(${keyword})`, ...f.path] })));
    } else if (JSON.stringify(b) !== JSON.stringify(h)) {
      finding(keyword, 'keyword-changed', `${keyword} changed`, 'changed');
    }
  }
  out.push(...compareDependentRequired(base, head, at, baseAt));
  return out;
}

/** `dependentRequired`: a new property a present one requires narrows, a dropped one widens. */
function compareDependentRequired(base: Json, head: Json, at: Segments, baseAt: Segments): SchemaFinding[] {
  const b = isJson(base.dependentRequired) ? base.dependentRequired : {};
  const h = isJson(head.dependentRequired) ? head.dependentRequired : {};
  const names = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const out: SchemaFinding[] = [];
  for (const trigger of new Set([...Object.keys(b), ...Object.keys(h)])) {
    const before = names(b[trigger]);
    const after = names(h[trigger]);
    const where = {
      at: head.dependentRequired === undefined ? at : [...at, 'dependentRequired'],
      baseAt: base.dependentRequired === undefined ? baseAt : [...baseAt, 'dependentRequired'],
    };
    for (const name of after.filter((n) => !before.includes(n))) {
      out.push({
        path: [],
        kind: 'dependent-required-added',
        detail: `'${name}' now required when '${trigger}' is present`,
        effect: 'narrowed',
        ...where,
      });
    }
    for (const name of before.filter((n) => !after.includes(n))) {
      out.push({
        path: [],
        kind: 'dependent-required-removed',
        detail: `'${name}' no longer required when '${trigger}' is present`,
        effect: 'widened',
        ...where,
      });
    }
  }
  return out;
}
