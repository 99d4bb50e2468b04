import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Ajv (JSON Schema 2020-12, the OpenAPI 3.1 dialect) for route validation. Bodies are validated strictly:
 * no type coercion and no silent removal of unknown properties, so `additionalProperties: false` rejects.
 * Path, query and header values arrive as strings, so those parts coerce scalars (`"42"` → 42).
 */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const options = { allErrors: false, strict: false, useDefaults: true, removeAdditional: false } as const;
  const strict = new Ajv2020({ ...options, coerceTypes: false });
  const coercing = new Ajv2020({ ...options, coerceTypes: 'array' });
  for (const ajv of [strict, coercing]) addFormats.default(ajv);
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing;
    return ajv.compile(schema as object);
  };
}
