import { fromPointer } from './spec-error.js';
import { getAt } from './spec-loader.js';

type Json = Record<string, unknown>;

/**
 * OpenAPI-only annotations that JSON Schema validators and serializers do not understand, and prose that
 * none of them reads (`description`, `title`: the docs serve the bundled document, not these schemas).
 */
const DROPPED = new Set([
  'description',
  'title',
  'example',
  'xml',
  'externalDocs',
  'discriminator',
  'deprecated',
  '$schema',
  '$id',
  '$anchor',
]);

/** A schema that refers to itself cannot be inlined (only shared by `$id`: see RefHandling). */
export class RecursiveSchemaError extends Error {
  constructor(readonly ref: string) {
    super(`schema ${ref} refers to itself`);
  }
}

/**
 * What toJsonSchema does with an internal `$ref`:
 * - `'inline'`: inline its target (a schema that refers to itself throws RecursiveSchemaError);
 * - `'keep'`: leave it as is, to be resolved in a converted copy of the document;
 * - `'bounded'`: inline it, and a ref back into a schema being inlined becomes `false` (matches nothing): a
 *   finite schema to generate values from, never to validate with;
 * - `{ componentId }`: a ref to a whole component schema (`#/components/schemas/<name>`) becomes a ref to
 *   `componentId(name)`, the `$id` the converted component is shared under; any other ref is inlined.
 */
export type RefHandling = 'inline' | 'keep' | 'bounded' | ComponentRefs;

/** Refs to component schemas by `$id` (see RefHandling). */
export interface ComponentRefs {
  componentId(name: string): string;
}

const COMPONENT_SCHEMA = '#/components/schemas/';

/** The component name of a ref to a whole component schema (`#/components/schemas/Pet` → `Pet`), else undefined. */
export function componentOf(ref: string): string | undefined {
  if (!ref.startsWith(COMPONENT_SCHEMA)) return undefined;
  const segments = fromPointer(`#/${ref.slice(COMPONENT_SCHEMA.length)}`);
  return segments.length === 1 ? String(segments[0]) : undefined;
}

/**
 * Turns an OpenAPI schema object into JSON Schema 2020-12 for Ajv and Fastify's serializer: OpenAPI 3.0
 * `nullable` and boolean `exclusiveMinimum/Maximum` become their JSON Schema forms, OpenAPI-only annotations
 * (`example`, `discriminator`, `x-*`) are dropped, and internal `$ref`s are handled as `refs` says (default
 * 'inline': a self-contained schema). Key order is kept, so output is deterministic.
 */
export function toJsonSchema(
  schema: unknown,
  doc: Json,
  stack: readonly string[] = [],
  refs: RefHandling = 'inline',
): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, doc, stack, refs));
  if (typeof schema !== 'object' || schema === null) return schema;
  const input = schema as Json;
  if (typeof input.$ref === 'string') {
    const ref = input.$ref;
    const { $ref: _ref, ...siblings } = input;
    if (refs === 'keep') return mergeSiblings({ $ref: ref }, siblings, doc, stack, refs);
    const component = typeof refs === 'object' ? componentOf(ref) : undefined;
    if (component !== undefined && typeof refs === 'object')
      return mergeSiblings({ $ref: refs.componentId(component) }, siblings, doc, stack, refs);
    if (stack.includes(ref)) {
      if (refs === 'bounded') return false;
      throw new RecursiveSchemaError(ref);
    }
    const target = toJsonSchema(getAt(doc, fromPointer(ref)), doc, [...stack, ref], refs);
    return mergeSiblings(target, siblings, doc, stack, refs);
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(input)) {
    if (DROPPED.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    out[key] = isSchemaMap(key)
      ? mapValues(value, (v) => toJsonSchema(v, doc, stack, refs))
      : isSchemaKey(key)
        ? toJsonSchema(value, doc, stack, refs)
        : value;
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else delete out[flag];
    }
  }
  const result = input.nullable === true ? makeNullable(out) : out;
  // An empty enum admits no value (JSON Schema 2020-12), but Ajv refuses to compile one: said as `not: {}`.
  // After nullable, which adds null to it (`[]` → `[null]`), as to any enum.
  if (Array.isArray(result.enum) && result.enum.length === 0) {
    delete result.enum;
    result.allOf = [...(Array.isArray(result.allOf) ? result.allOf : []), { not: {} }];
  }
  return result;
}

function mergeSiblings(
  target: unknown,
  siblings: Json,
  doc: Json,
  stack: readonly string[],
  refs: RefHandling,
): unknown {
  const kept = Object.entries(siblings).filter(
    ([k]) => !DROPPED.has(k) && !k.startsWith('x-') && k !== 'summary',
  );
  if (kept.length === 0) return target;
  const extra = toJsonSchema(Object.fromEntries(kept), doc, stack, refs) as Json;
  const annotations = ['description', 'title', 'default', 'readOnly', 'writeOnly'];
  if (
    typeof target === 'object' &&
    target !== null &&
    Object.keys(extra).every((k) => annotations.includes(k))
  )
    return { ...target, ...extra };
  return { allOf: [target, extra] };
}

function makeNullable(schema: Json): Json {
  const type = schema.type;
  if (typeof type === 'string') schema.type = [type, 'null'];
  else if (Array.isArray(type) && !type.includes('null')) schema.type = [...type, 'null'];
  else if (type === undefined) return { anyOf: [schema, { type: 'null' }] };
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  return schema;
}

const SCHEMA_KEYS = new Set([
  'items',
  'additionalProperties',
  'not',
  'allOf',
  'anyOf',
  'oneOf',
  'prefixItems',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/**
 * The schemas directly inside `schema` (under `properties`, `items`, `allOf`, ...), each with the path
 * segments that lead to it from `schema`. Refs are not followed.
 */
export function subschemas(schema: unknown): [segments: (string | number)[], schema: unknown][] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [];
  const out: [(string | number)[], unknown][] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (typeof value !== 'object' || value === null) continue;
    if (isSchemaMap(key)) for (const [k, v] of Object.entries(value)) out.push([[key, k], v]);
    else if (isSchemaKey(key) && Array.isArray(value))
      for (const [i, v] of value.entries()) out.push([[key, i], v]);
    else if (isSchemaKey(key)) out.push([[key], value]);
  }
  return out;
}

function isSchemaKey(key: string): boolean {
  return SCHEMA_KEYS.has(key);
}

function isSchemaMap(key: string): boolean {
  return SCHEMA_MAPS.has(key);
}

function mapValues(value: unknown, fn: (v: unknown) => unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fn(v)]));
}
