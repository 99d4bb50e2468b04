import { type ComponentRefs, toJsonSchema } from './json-schema.js';

type Json = Record<string, unknown>;

/** A component schema converted to JSON Schema 2020-12, under the `$id` that refs name it by. */
export type SharedSchema = { $id: string } & Json;

/**
 * The `$id` of component schema `name` of `service`: `switchboard:<service>/<name>`, an absolute URI, so
 * Ajv and fast-json-stringify (which compares ids as strings) resolve it alike and two services' schemas
 * never clash in one Fastify app. Characters a URI cannot hold are percent-encoded.
 */
export function sharedSchemaId(service: string, name: string): string {
  const segment = (s: string) =>
    encodeURIComponent(s).replace(/^\.{1,2}$/, (dots) => '%2E'.repeat(dots.length));
  return `switchboard:${segment(service)}/${segment(name)}`;
}

/** Converts the schemas of one document by reference and collects the component schemas they need. */
export interface SchemaSharing {
  /**
   * `schema` (part of the document) as JSON Schema: a ref to a component schema becomes `{ $ref: <$id> }`,
   * any other internal ref is inlined. Throws RecursiveSchemaError on a cycle of refs that are not to
   * components (they would need inlining forever).
   */
  convert(schema: unknown): unknown;
  /**
   * Every component schema that `converted` (what `convert` returned) refers to, directly or through other
   * components, each once and converted the same way, in the document's order (deterministic output).
   * Throws RecursiveSchemaError as `convert` does.
   */
  schemasFor(converted: unknown): SharedSchema[];
}

/** Schema sharing for the bundled document `doc` of `service` (see SchemaSharing). */
export function shareSchemas(service: string, doc: Json): SchemaSharing {
  const components = ((doc.components as Json | undefined)?.schemas ?? {}) as Json;
  const names = new Map(Object.keys(components).map((name) => [sharedSchemaId(service, name), name]));
  const refs: ComponentRefs = { componentId: (name) => sharedSchemaId(service, name) };
  const converted = new Map<string, unknown>();
  const convert = (schema: unknown) => toJsonSchema(schema, doc, [], refs);
  return {
    convert,
    schemasFor: (roots) => {
      const used = new Set<string>();
      const pending: unknown[] = [roots];
      while (pending.length > 0) {
        for (const id of refsIn(pending.pop())) {
          const name = names.get(id);
          if (name === undefined || used.has(name)) continue;
          used.add(name);
          if (!converted.has(name)) converted.set(name, convert(components[name]));
          pending.push(converted.get(name));
        }
      }
      return Object.keys(components)
        .filter((name) => used.has(name))
        .map((name) => withId(sharedSchemaId(service, name), converted.get(name)));
    },
  };
}

/** Every string `$ref` inside `node`. */
function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const v of node) refsIn(v, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

function withId($id: string, schema: unknown): SharedSchema {
  // `$id` first, for the reader; a boolean schema (`true`) cannot carry an id, so it is wrapped.
  return typeof schema === 'object' && schema !== null && !Array.isArray(schema)
    ? { $id, ...(schema as Json) }
    : { $id, allOf: [schema] };
}
