import { DROP, mapChildren } from './copy-on-write.js';
import { addDiscriminatorRefs, isolateDiscriminatorTargets } from './discriminator-targets.js';
import { holdsNames, isExtensionKey } from './extension-keys.js';
import { withCallbackTypes } from './read-receivers.js';
import { fromPointer } from './spec-error.js';

type Json = Record<string, unknown>;
type Trail = (string | number)[];

const EVENTS = 'text/event-stream';

/**
 * The copy of a bundled document that openapi-typescript reads. It resolves every `$ref` itself and fails on
 * one it cannot, so what it cannot resolve is taken out: extensions holding a `$ref` (not OpenAPI's), and
 * discriminator mapping values that name nothing in the document (a file the bundle inlined, so no component
 * stands for it, or a pointer meant for another file; a plain schema name becomes its component ref). Callbacks are added as webhooks, which it
 * types (see read-receivers.ts).
 *
 * `doc` is left as it is: only the objects on the way to a change are copied, the rest is shared, and so
 * are copied the schemas openapi-typescript patches in place (see discriminator-targets.ts).
 */
export function typesInput(doc: Json): Json {
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Json;
  /** Whether `pointer` resolves in the copy: not through an extension it drops, with event streams swapped. */
  const resolves = (pointer: string): boolean => {
    let node: unknown = doc;
    let names = false;
    let events = false;
    const at: Trail = [];
    for (const segment of fromPointer(pointer)) {
      if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return false;
      const obj = node as Json;
      const array = Array.isArray(node);
      if (!array && isExtensionKey(segment, names) && containsRef(obj[segment])) return false;
      node =
        events && segment === 'schema' && obj['x-event-schema'] !== undefined
          ? obj['x-event-schema']
          : obj[segment];
      events = !array && segment === EVENTS;
      names = !array && holdsNames(segment, at, names);
      at.push(segment);
    }
    return node !== undefined;
  };
  const fixMapping = (mapping: object): object => {
    const values = (Array.isArray(mapping) ? mapping.slice() : { ...mapping }) as Record<string, unknown>;
    for (const [key, value] of Object.entries(values)) {
      if (typeof value === 'string' && value.startsWith('#/') && resolves(value)) continue;
      if (typeof value === 'string' && Object.hasOwn(schemas, value))
        values[key] = `#/components/schemas/${value}`;
      else delete values[key];
    }
    return values;
  };
  // A shared object changed once is the same copy wherever it is.
  const changed = new Map<object, unknown>();
  const discriminatorRefs = new Set<string>();
  /** `node`, or a copy of it with its changes; `key` is what its parent object holds it under. */
  const rewrite = (node: unknown, at: Trail, names: boolean, key?: string): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    const known = changed.get(node);
    if (known !== undefined) return known;
    const array = Array.isArray(node);
    let fields = mapChildren(node, (v, k) => {
      if (array) {
        at.push(k);
        const next = rewrite(v, at, false);
        at.pop();
        return next;
      }
      const field = k as string;
      if (isExtensionKey(field, names) && containsRef(v)) return DROP;
      const holds = holdsNames(field, at, names);
      at.push(field);
      const next = rewrite(v, at, holds, field);
      at.pop();
      return next;
    }) as Json | undefined;
    if (!array) {
      const obj = node as Json;
      const current = fields ?? obj;
      // openapi-typescript types an event stream's `schema` (the text of the whole stream); the client and
      // the handlers need each event's data, so that is the schema it is given.
      if (key === EVENTS && current['x-event-schema'] !== undefined) {
        fields ??= { ...obj };
        fields.schema = current['x-event-schema'];
      }
      if (key === 'discriminator' && typeof current.mapping === 'object' && current.mapping !== null) {
        fields ??= { ...obj };
        fields.mapping = fixMapping(current.mapping);
      }
      addDiscriminatorRefs(fields ?? obj, discriminatorRefs);
    }
    if (fields === undefined) return node;
    changed.set(node, fields);
    return fields;
  };
  const copy = rewrite(doc, [], false) as Json;
  return isolateDiscriminatorTargets(withCallbackTypes(copy === doc ? { ...doc } : copy), discriminatorRefs);
}

function containsRef(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsRef);
  if (typeof node !== 'object' || node === null) return false;
  return Object.entries(node).some(([k, v]) => (k === '$ref' && typeof v === 'string') || containsRef(v));
}
