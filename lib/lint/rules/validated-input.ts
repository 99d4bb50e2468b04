import type { UserContext } from '@redocly/openapi-core/lib/walk.js';
import { asMap, isMap, schemaTypes, type YamlMap } from './node-helpers.js';

/** Keywords a value can break; a parameter schema with any of them rejects some values. */
const CONSTRAINTS = [
  'enum',
  'const',
  'maxLength',
  'minLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'maxItems',
  'minItems',
  'uniqueItems',
  'contains',
  'required',
  'properties',
  'additionalProperties',
  'maxProperties',
  'minProperties',
  'not',
] as const;
const SUBSCHEMAS = ['allOf', 'oneOf', 'anyOf'] as const;
const MAX_DEPTH = 16;

/** A node with its `$ref` followed (transitively), and the file it was found in. */
interface Resolved {
  node: YamlMap;
  from: string | undefined;
}

function follow(ctx: UserContext, node: unknown, from: string | undefined): Resolved {
  let current = node;
  let file = from;
  for (let hops = 0; hops < MAX_DEPTH && isMap(current) && typeof current.$ref === 'string'; hops++) {
    const resolved = ctx.resolve(current, file);
    if (resolved.location === undefined) return { node: {}, from: file };
    current = resolved.node;
    file = resolved.location.source.absoluteRef;
  }
  return { node: asMap(current), from: file };
}

/**
 * The keyword that makes a parameter schema reject some wire values (`pattern`, `type: integer`), or
 * undefined for a schema any string satisfies (absent, `{}`, `type: string` alone). Follows `$ref`s and
 * allOf/oneOf/anyOf branches; `items` counts for arrays.
 */
export function constraintOf(
  ctx: UserContext,
  schema: unknown,
  from: string | undefined,
  depth = 0,
): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const { node, from: file } = follow(ctx, schema, from);
  const keyword = CONSTRAINTS.find((k) => node[k] !== undefined);
  if (keyword !== undefined) return keyword;
  const types = schemaTypes(node).filter((t) => t !== 'string' && t !== 'null');
  if (types.length > 0 && !types.includes('array')) return `type: ${types.join(', ')}`;
  if (node.items !== undefined) {
    const inner = constraintOf(ctx, node.items, file, depth + 1);
    if (inner !== undefined) return `items ${inner}`;
  }
  for (const key of SUBSCHEMAS) {
    const branches = Array.isArray(node[key]) ? (node[key] as unknown[]) : [];
    for (const branch of branches) {
      const inner = constraintOf(ctx, branch, file, depth + 1);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

function parameterSchema(parameter: YamlMap): unknown {
  if (parameter.schema !== undefined) return parameter.schema;
  const [first] = Object.values(asMap(parameter.content));
  return asMap(first).schema;
}

/** Parameters of an operation: its own, plus the path item's ones it does not override. */
function parametersOf(ctx: UserContext, operation: YamlMap, pathItem: YamlMap): Resolved[] {
  const own = (Array.isArray(operation.parameters) ? operation.parameters : []).map((p) =>
    follow(ctx, p, undefined),
  );
  const key = (p: YamlMap) => `${String(p.in)}:${String(p.name).toLowerCase()}`;
  const taken = new Set(own.map((p) => key(p.node)));
  const shared = (Array.isArray(pathItem.parameters) ? pathItem.parameters : [])
    .map((p) => follow(ctx, p, undefined))
    .filter((p) => !taken.has(key(p.node)));
  return [...own, ...shared];
}

/**
 * Why provider verification can send this operation a request the spec rejects, e.g.
 * `path parameter uid (pattern)`, `a request body`; undefined when every request is valid. An input is
 * validated when it is a request body (malformed JSON, a missing or wrong field), a required query, header
 * or cookie parameter (it can be left out), or a parameter whose schema constrains its value.
 */
export function validatedInput(ctx: UserContext, operation: YamlMap, pathItem: YamlMap): string | undefined {
  if (operation.requestBody !== undefined) return 'a request body';
  for (const { node: p, from } of parametersOf(ctx, operation, pathItem)) {
    const label = `${String(p.in)} parameter ${String(p.name)}`;
    if (p.required === true && p.in !== 'path') return `required ${label}`;
    const keyword = constraintOf(ctx, parameterSchema(p), from);
    if (keyword !== undefined) return `${label} (${keyword})`;
  }
  return undefined;
}
