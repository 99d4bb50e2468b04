import type { Segments } from './change.js';
import { deref, isJson, type Json, type SchemaFinding } from './schema-context.js';
import { overlap, typeSet } from './schema-types.js';

/**
 * The finding for a schema that became a `oneOf` (`head`, at `at`) whose members may overlap, else none:
 * a value matching two members is refused, where the schema before accepted it.
 */
export function oneOfOverlap(doc: Json, head: Json, at: Segments, baseAt: Segments): SchemaFinding[] {
  const pair = overlappingMembers(doc, head);
  if (pair === undefined) return [];
  const [a, b] = pair;
  return [
    {
      path: [],
      kind: 'one-of-overlapping',
      detail: `now oneOf whose members #${a + 1} and #${b + 1} may both match (a value matching both is refused)`,
      effect: 'narrowed',
      at: [...at, 'oneOf'],
      baseAt,
    },
  ];
}

/**
 * The first pair of `oneOf` members (by index) that one value may satisfy both of, or undefined when every
 * pair is told apart. A value matching two members fails `oneOf` (exactly one), so wrapping a schema in such
 * a `oneOf` refuses values it accepted. Members are told apart by a `discriminator`, disjoint types, a
 * property both require with disjoint `const`/`enum` values, or a closed member that has no property the
 * other requires; anything else is taken to overlap.
 */
export function overlappingMembers(doc: Json, schema: Json): [number, number] | undefined {
  if (isJson(schema.discriminator) || !Array.isArray(schema.oneOf)) return undefined;
  const members = schema.oneOf.map((m) => deref(doc, m, []).schema ?? {});
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i];
      const b = members[j];
      if (a !== undefined && b !== undefined && !distinct(doc, a, b)) return [i, j];
    }
  }
  return undefined;
}

function distinct(doc: Json, a: Json, b: Json): boolean {
  if (!overlap(typeSet(a), typeSet(b))) return true;
  if (disjointValues(valuesOf(a), valuesOf(b))) return true;
  if (closedAgainst(a, b) || closedAgainst(b, a)) return true;
  const required = (s: Json) => new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  const props = (s: Json) => (isJson(s.properties) ? s.properties : {});
  const shared = [...required(a)].filter((name) => required(b).has(name));
  return shared.some((name) => {
    const pa = deref(doc, props(a)[name], []).schema ?? {};
    const pb = deref(doc, props(b)[name], []).schema ?? {};
    return disjointValues(valuesOf(pa), valuesOf(pb)) || !overlap(typeSet(pa), typeSet(pb));
  });
}

/** A closed object (`additionalProperties: false`) lacks a property `other` requires: no value fits both. */
function closedAgainst(closed: Json, other: Json): boolean {
  if (closed.additionalProperties !== false) return false;
  const known = isJson(closed.properties) ? closed.properties : {};
  const required = Array.isArray(other.required) ? other.required.map(String) : [];
  return required.some((name) => known[name] === undefined);
}

function valuesOf(schema: Json): unknown[] | undefined {
  if ('const' in schema) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

function disjointValues(a: unknown[] | undefined, b: unknown[] | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const keys = new Set(a.map((v) => JSON.stringify(v)));
  return !b.some((v) => keys.has(JSON.stringify(v)));
}
