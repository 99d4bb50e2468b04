import { createRequire } from 'node:module';
import type { FastifySerializerCompiler } from 'fastify';
import { schemaPattern } from '../schema-pattern.js';

type Json = Record<string, unknown>;
type Build = (externalSchemas: Json, serializerOpts?: Json) => FastifySerializerCompiler<unknown>;

// Fastify's own serializer compiler (fast-json-stringify), resolved from fastify's folder: the same one, in the
// same version, that Fastify would use itself.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
const { SerializerSelector } = fromFastify('@fastify/fast-json-stringify-compiler') as {
  SerializerSelector: () => Build;
};

/** fast-json-stringify's own Ajv (for `anyOf`, `oneOf`, `if`) compiles patterns as the validators do. */
const SERIALIZER_OPTIONS = { ajv: { code: { regExp: schemaPattern } } };

/**
 * Fastify's response serializer, given for each route only the shared schemas (`$id` → schema, from
 * `shared`: read at the first compile, and again when a ref is missing) that its response schema reaches
 * through `$ref`s. Fastify would give every route all of them, and fast-json-stringify checks and indexes
 * every external schema on every build: startup then grows with routes × component schemas (Discord's 242
 * operations: 13.7 s to ready instead of 3.9 s). Fastify's `serializerOpts` server option does not reach a
 * compiler set this way; fast-json-stringify's defaults apply, but for patterns, compiled by `schemaPattern`.
 */
export function createSerializerCompiler(
  shared: () => Readonly<Record<string, unknown>>,
): FastifySerializerCompiler<unknown> {
  const build = SerializerSelector();
  const refsOf = new Map<string, string[]>();
  let all: Readonly<Record<string, unknown>> | undefined;
  /** The shared schemas `schema` reaches; undefined when one of them is not (yet) known. */
  const reach = (schema: unknown, known: Readonly<Record<string, unknown>>): Json | undefined => {
    const needed: Json = {};
    const pending = refIds(schema);
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      if (Object.hasOwn(needed, id)) continue;
      if (!Object.hasOwn(known, id)) return undefined;
      needed[id] = known[id];
      let refs = refsOf.get(id);
      if (refs === undefined) {
        refs = refIds(known[id]);
        refsOf.set(id, refs);
      }
      pending.push(...refs);
    }
    return needed;
  };
  return (route) => {
    // Read once, and again only when a ref is missing: copying the app's schemas per route adds up.
    all ??= shared();
    let needed = reach(route.schema, all);
    if (needed === undefined) {
      all = shared();
      needed = reach(route.schema, all) ?? all; // a ref to nothing: fast-json-stringify names it
    }
    return build(needed, SERIALIZER_OPTIONS)(route);
  };
}

/** The schema ids (the part before `#`) of every `$ref` inside `node`. */
function refIds(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const v of node) refIds(v, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        const id = v.split('#')[0] ?? '';
        if (id !== '') out.push(id);
      } else refIds(v, out);
    }
  }
  return out;
}
