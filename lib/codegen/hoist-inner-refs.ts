import { holdsNames, isExtensionKey } from './extension-keys.js';
import { fromPointer, toPointer } from './spec-error.js';
import { getAt } from './spec-loader.js';

type Json = Record<string, unknown>;
type Segments = readonly (string | number)[];

const ONE_SCHEMA = new Set([
  'items',
  'not',
  'additionalProperties',
  'additionalItems',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
]);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/**
 * Moves every schema that a `$ref` reaches inside another object (`#/components/schemas/Tag/allOf/0`,
 * `#/components/responses/Conflict/content/application~1json/schema`) into `components/schemas` under a
 * name made of its pointer (`Tag_allOf_0`), leaves a `$ref` to it where it was and points every ref at the
 * new place. openapi-typescript turns a ref into an indexed access type that exists only for component
 * names (`components["schemas"]["Tag"]["allOf"]["0"]` does not compile), and route schemas share
 * components only. Deepest first, so a schema moved out of one that moves later stays a ref inside it.
 * `moved(to, from)` is told each move, for error locations. Refs that resolve to nothing are left alone.
 */
export function hoistInnerRefs(doc: Json, moved: (to: Segments, from: Segments) => void): void {
  const refs = collectRefs(doc);
  const targets = [...new Set(refs.map((r) => r.$ref as string))]
    .map((ref) => ({ ref, segments: fromPointer(ref) }))
    .filter(
      (t) => t.ref.startsWith('#/') && isInnerSchema(t.segments) && getAt(doc, t.segments) !== undefined,
    )
    .sort((a, b) => b.segments.length - a.segments.length);
  if (targets.length === 0) return;
  doc.components ??= {};
  const components = doc.components as Json;
  components.schemas ??= {};
  const schemas = components.schemas as Json;
  for (const { segments } of targets) {
    const from = `#${toPointer(segments)}`;
    let name = nameOf(segments);
    for (let n = 2; Object.hasOwn(schemas, name); n++) name = `${nameOf(segments)}${n}`;
    const to = `#/components/schemas/${name}`;
    const parent = getAt(doc, segments.slice(0, -1)) as Json;
    const key = segments.at(-1) as string;
    schemas[name] = parent[key];
    parent[key] = { $ref: to };
    moved(['components', 'schemas', name], segments);
    for (const node of refs) {
      const ref = node.$ref as string;
      if (ref === from || ref.startsWith(`${from}/`)) node.$ref = to + ref.slice(from.length);
    }
  }
}

/** Whether a pointer names a schema strictly inside another object (not a component schema itself). */
function isInnerSchema(segments: string[]): boolean {
  let i: number;
  if (segments[0] === 'components' && segments[1] === 'schemas') {
    if (segments.length <= 3) return false;
    i = 3;
  } else {
    const at = segments.indexOf('schema');
    if (at === -1) return false;
    i = at + 1;
  }
  while (i < segments.length) {
    const key = segments[i] as string;
    if (ONE_SCHEMA.has(key)) i += 1;
    else if (SCHEMA_LISTS.has(key) && /^\d+$/.test(segments[i + 1] ?? '')) i += 2;
    else if (SCHEMA_MAPS.has(key) && segments[i + 1] !== undefined) i += 2;
    else return false;
  }
  return true;
}

/** `components/schemas/Tag/allOf/0` → `Tag_allOf_0`; elsewhere the whole pointer (`parameters_limit_schema`). */
function nameOf(segments: string[]): string {
  const parts = segments[0] === 'components' ? segments.slice(segments[1] === 'schemas' ? 2 : 1) : segments;
  return parts
    .join('_')
    .replaceAll(/[^A-Za-z0-9_.-]+/g, '_')
    .replaceAll(/^_+|_+$/g, '');
}

/** Every `$ref` object of the document outside specification extensions. */
function collectRefs(doc: Json): Json[] {
  const out: Json[] = [];
  const visit = (node: unknown, at: Segments, names: boolean): void => {
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) visit(v, [...at, i], false);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Json;
    if (typeof obj.$ref === 'string') out.push(obj);
    for (const [k, v] of Object.entries(obj))
      if (k !== '$ref' && !isExtensionKey(k, names)) visit(v, [...at, k], holdsNames(k, at, names));
  };
  visit(doc, [], false);
  return out;
}
