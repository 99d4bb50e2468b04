import { Ajv2020 } from 'ajv/dist/2020.js';
import type { FastifySchemaCompiler } from 'fastify';
import { createAjv, formatWarningLogger } from '../schema-ajv.js';

/** Body media types whose values arrive as strings, so their schema coerces like a query's. */
const STRINGLY_BODIES = /^(application\/x-www-form-urlencoded|multipart\/form-data)$/i;

/**
 * Ajv (JSON Schema 2020-12, the OpenAPI 3.1 dialect) for route validation. Bodies are validated strictly:
 * no type coercion and no silent removal of unknown properties, so `additionalProperties: false` rejects.
 * Path, query and header values arrive as strings, so those parts coerce scalars (`"42"` → 42); so does a
 * form body's, with `coerceBody` (default false).
 *
 * `shared` gives the schemas with an `$id` that route schemas may refer to with `$ref`, by id (default none):
 * typically `() => app.getSchemas()`, the app's `addSchema` schemas, which Fastify hands only to the compiler
 * *factory* of its `schemaController.compilersFactory.buildValidator` option, never to a compiler set with
 * `setValidatorCompiler`. It is read at the first compile (Fastify compiles when the app gets ready, after
 * every route table of the context has added its schemas) and again when a ref is missing; each schema
 * compiles when first referred to, once, which is also what lets recursion validate.
 */
export function createValidatorCompiler(
  shared: () => Readonly<Record<string, unknown>> = () => ({}),
  options: { coerceBody?: boolean } = {},
): FastifySchemaCompiler<unknown> {
  const coerceBody = options.coerceBody === true;
  const settings = { useDefaults: true, logger: formatWarningLogger };
  const strict = createAjv(false, settings);
  const coercing = createAjv('array', settings);
  const added = new Set<string>();
  let synced = false;
  const sync = () => {
    synced = true;
    for (const [id, s] of Object.entries(shared())) {
      if (added.has(id)) continue;
      added.add(id);
      // No meta-schema check: most serve only responses, which are never compiled here.
      for (const ajv of [strict, coercing]) ajv.addSchema(s as object, id, undefined, false);
    }
  };
  return ({ schema, httpPart, ...route }) => {
    // Read once, and again only when a ref is missing: copying the app's schemas per route adds up.
    if (!synced) sync();
    // Fastify names the media type when a body has one schema per type (`schema.body.content`).
    const contentType = (route as { contentType?: string }).contentType;
    const stringly = contentType !== undefined && STRINGLY_BODIES.test(contentType);
    const ajv = httpPart === 'body' && !coerceBody && !stringly ? strict : coercing;
    try {
      return ajv.compile(schema as object);
    } catch (error) {
      if (!(error instanceof Ajv2020.MissingRefError)) throw error;
      sync();
      return ajv.compile(schema as object);
    }
  };
}
