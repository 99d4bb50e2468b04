import { RecursiveSchemaError, toJsonSchema } from './json-schema.js';
import type { OperationModel, ParamModel } from './operation-model.js';
import type { ServiceModel } from './service-model.js';
import type { SpecError } from './spec-error.js';
import { errorAt } from './spec-file.js';

type Json = Record<string, unknown>;

/** Fastify route schemas (params, querystring, headers, body, response) for one operation, from the spec. */
export function routeSchema(service: ServiceModel, op: OperationModel): Json | SpecError {
  const doc = service.bundle.doc;
  try {
    const schema: Json = {};
    const params = objectOf(
      op.params.filter((p) => p.in === 'path'),
      doc,
      true,
    );
    const query = objectOf(
      op.params.filter((p) => p.in === 'query'),
      doc,
      true,
    );
    const headers = objectOf(
      op.params.filter((p) => p.in === 'header'),
      doc,
      false,
    );
    if (params !== undefined) schema.params = params;
    if (query !== undefined) schema.querystring = query;
    if (headers !== undefined) schema.headers = headers;
    if (op.body !== undefined) {
      const body = toJsonSchema(op.body.schema, doc) as Json;
      // Fastify hands an absent body to the validator as null: an optional body must accept it.
      schema.body = op.body.required ? body : { anyOf: [body, { type: 'null' }] };
    }
    const response: Json = {};
    for (const r of op.responses) {
      if (r.kind === 'none' || r.schema === undefined) continue;
      response[r.status === 'default' ? 'default' : String(r.status)] = toJsonSchema(r.schema, doc);
    }
    if (Object.keys(response).length > 0) schema.response = response;
    return schema;
  } catch (error) {
    if (!(error instanceof RecursiveSchemaError)) throw error;
    const o = service.bundle.origin(['paths', op.path, op.method]);
    return errorAt(
      o.file,
      o.segments,
      'unsupported-construct',
      `${op.id} uses recursive schema ${error.ref}, which a route table cannot inline`,
      'bound the recursion (e.g. a fixed depth) or move the recursive part out of internal calls',
    );
  }
}

function objectOf(params: ParamModel[], doc: Json, closed: boolean): Json | undefined {
  if (params.length === 0) return undefined;
  const properties = Object.fromEntries(params.map((p) => [p.name, toJsonSchema(p.schema, doc)]));
  const required = params.filter((p) => p.required).map((p) => p.name);
  return {
    type: 'object',
    properties,
    ...(required.length === 0 ? {} : { required }),
    ...(closed ? { additionalProperties: false } : {}),
  };
}
