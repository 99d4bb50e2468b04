import { mediaEssence } from '../client/media-type.js';
import { RecursiveSchemaError } from './json-schema.js';
import type {
  BodyModel,
  OperationModel,
  ParamModel,
  ReadOptions,
  SkippedOperation,
} from './operation-model.js';
import type { ServiceModel } from './service-model.js';
import type { SchemaSharing, SharedSchema } from './shared-schemas.js';
import { SpecError, UNSUPPORTED } from './spec-error.js';
import { errorAt } from './spec-file.js';

type Json = Record<string, unknown>;
type Convert = SchemaSharing['convert'];

/** Route schemas by operation id, and what was refused or (with `skipUnsupported`) skipped instead. */
export interface RouteSchemas {
  schemas: Record<string, Json>;
  errors: SpecError[];
  skipped: SkippedOperation[];
}

/**
 * `routeSchema` for each of `operations`: an unsupported construct skips the operation when
 * `options.skipUnsupported` is set, and is an error otherwise, as every other problem is.
 */
export function routeSchemas(
  service: Pick<ServiceModel, 'bundle'>,
  operations: readonly OperationModel[],
  sharing: SchemaSharing,
  options: ReadOptions,
): RouteSchemas {
  const out: RouteSchemas = { schemas: {}, errors: [], skipped: [] };
  for (const op of operations) {
    const schema = routeSchema(service, op, sharing);
    if (!(schema instanceof SpecError)) out.schemas[op.id] = schema;
    else if (options.skipUnsupported === true && schema.rule === UNSUPPORTED)
      out.skipped.push({ id: op.id, method: op.method, path: op.path, reasons: [schema] });
    else out.errors.push(schema);
  }
  return out;
}

/**
 * Fastify route schemas (params, querystring, headers, body, response) for one operation, from the spec.
 * Component schemas are referred to by `$id` through `sharing` (registered once with `addSchema`), so a
 * recursive schema is fine; only a cycle of refs that are not to components is refused.
 */
export function routeSchema(
  service: Pick<ServiceModel, 'bundle'>,
  op: OperationModel,
  sharing: SchemaSharing,
): Json | SpecError {
  const convert = sharing.convert;
  try {
    const schema: Json = {};
    const params = objectOf(
      op.params.filter((p) => p.in === 'path'),
      convert,
      true,
    );
    const query = objectOf(
      op.params.filter((p) => p.in === 'query'),
      convert,
      true,
    );
    const headers = objectOf(
      op.params.filter((p) => p.in === 'header'),
      convert,
      false,
    );
    if (params !== undefined) schema.params = params;
    if (query !== undefined) schema.querystring = query;
    if (headers !== undefined) schema.headers = headers;
    const body = op.body;
    if (body?.alternatives !== undefined) {
      // One schema per media type, which Fastify picks by the request's Content-Type.
      const content: Json = {};
      // Fastify looks a body's schema up by the request's media type without parameters.
      for (const b of [body, ...body.alternatives])
        content[mediaEssence(b.contentType)] = { schema: bodySchema(b, convert) ?? {} };
      schema.body = { content };
    } else if (body !== undefined) {
      const single = bodySchema(body, convert);
      if (single !== undefined) schema.body = single;
    }
    const response: Json = {};
    for (const r of op.responses) {
      if (r.kind === 'none' || r.kind === 'binary' || r.schema === undefined) continue;
      // Fastify keys a range lower-case ('4xx').
      response[String(r.status).toLowerCase()] = convert(r.schema);
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
      `${op.id} uses ${error.ref}, which refers to itself without passing through a component schema`,
      'move the recursive schema under components/schemas and refer to it by name',
    );
  }
}

/** The validation schema of one request body media type; undefined when there is nothing to check. */
function bodySchema(body: BodyModel, convert: Convert): Json | undefined {
  // Bytes are a Buffer, not JSON: nothing to check but presence (Fastify hands an absent body to the
  // validator as null) and the size (the route's bodyLimit).
  if (body.kind === 'binary') return body.required ? { not: { type: 'null' } } : undefined;
  const schema = convert(body.schema) as Json;
  // Fastify hands an absent body to the validator as null: an optional body must accept it.
  return body.required ? schema : { anyOf: [schema, { type: 'null' }] };
}

function objectOf(params: ParamModel[], convert: Convert, closed: boolean): Json | undefined {
  if (params.length === 0) return undefined;
  const properties = Object.fromEntries(params.map((p) => [p.name, convert(p.schema)]));
  const required = params.filter((p) => p.required).map((p) => p.name);
  return {
    type: 'object',
    properties,
    ...(required.length === 0 ? {} : { required }),
    ...(closed ? { additionalProperties: false } : {}),
  };
}

/**
 * The component schemas the route schemas `routes` refer to (see SchemaSharing.schemasFor), or an error
 * located at the component schemas when one of them cannot be converted.
 */
export function sharedSchemas(
  service: Pick<ServiceModel, 'bundle'>,
  sharing: SchemaSharing,
  routes: unknown,
): SharedSchema[] | SpecError {
  try {
    return sharing.schemasFor(routes);
  } catch (error) {
    if (!(error instanceof RecursiveSchemaError)) throw error;
    const o = service.bundle.origin(['components', 'schemas']);
    return errorAt(
      o.file,
      o.segments,
      'unsupported-construct',
      `${error.ref} refers to itself without passing through a component schema`,
      'move the recursive schema under components/schemas and refer to it by name',
    );
  }
}
