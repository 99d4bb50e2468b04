/**
 * Where a key of an OpenAPI document is a specification extension (`x-...`, whose content is not OpenAPI
 * and may hold a `$ref` to anything, such as train-travel's `x-topics` pointing at a markdown file) and
 * where it is a name chosen by the author (a property, header or component named `x-request-id`).
 */

/** Fields whose value is a map from names to objects (`properties`, `headers`, `content`, ...). */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'headers',
  'content',
  'examples',
  'links',
  'encoding',
  'callbacks',
  'variables',
  'mapping',
  'scopes',
  'webhooks',
]);

/**
 * Extensions Switchboard defines whose value is a schema: bundled, referred to and typed like OpenAPI's own
 * schemas (`x-event-schema`, the data of each Server-Sent Event of a `text/event-stream` response).
 */
const SCHEMA_EXTENSIONS = new Set(['x-event-schema']);

/** Whether `key`, a key of an object whose keys are fields (not names), is an extension. */
export function isExtensionKey(key: string, inNameMap: boolean): boolean {
  return !inNameMap && key.startsWith('x-') && !SCHEMA_EXTENSIONS.has(key);
}

/**
 * Whether the value under `key` maps names to objects; `parent` is the path of the object that holds
 * `key`, and `inNameMap` whether that object is itself such a map. Every `components/<kind>` is one.
 */
export function holdsNames(key: string, parent: readonly (string | number)[], inNameMap: boolean): boolean {
  if (inNameMap) return false;
  return NAME_MAPS.has(key) || (parent.length === 1 && parent[0] === 'components');
}

/**
 * `doc` without the extensions that hold a `$ref` anywhere inside: openapi-typescript resolves every `$ref`
 * of a document, those in extensions too, and fails on one it cannot (a markdown file, a pointer to
 * nothing). Other extensions (`x-enum-varnames`, ...) stay. Removes in place; returns `doc`.
 */
export function dropExtensionRefs<T>(doc: T): T {
  const visit = (node: unknown, at: readonly (string | number)[], names: boolean): void => {
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) visit(v, [...at, i], false);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      if (isExtensionKey(k, names)) {
        if (containsRef(v)) delete obj[k];
      } else visit(v, [...at, k], holdsNames(k, at, names));
    }
  };
  visit(doc, [], false);
  return doc;
}

function containsRef(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsRef);
  if (typeof node !== 'object' || node === null) return false;
  return Object.entries(node).some(([k, v]) => (k === '$ref' && typeof v === 'string') || containsRef(v));
}
