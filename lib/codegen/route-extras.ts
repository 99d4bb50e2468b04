import type { RouteDefinition } from '../server/route-table.js';
import { toJsonSchema } from './json-schema.js';
import type { OperationModel } from './operation-model.js';
import { fastifyUrl } from './route-url.js';

type Json = Record<string, unknown>;

/**
 * The parts of an operation's route that are not Fastify schemas: the Fastify URL, the spec name of every
 * path parameter routed under another name, and the cookie parameters' JSON Schema (an open object, since
 * browsers and proxies add cookies of their own; values inlined, as cookies are scalars), and the
 * operation's `x-rate-limit`.
 */
export function routeExtras(
  op: OperationModel,
  doc: Json,
): Pick<RouteDefinition, 'url' | 'paramNames' | 'cookies' | 'rateLimit'> {
  const path = op.params.filter((p) => p.in === 'path');
  const url = fastifyUrl(op.path, new Map(path.map((p) => [p.specName, p.name])));
  const renamed = path.filter((p) => p.name !== p.specName);
  const cookies = op.params.filter((p) => p.in === 'cookie');
  const required = cookies.filter((p) => p.required).map((p) => p.name);
  return {
    url,
    ...(op.rateLimit === undefined ? {} : { rateLimit: op.rateLimit }),
    ...(renamed.length === 0
      ? {}
      : { paramNames: Object.fromEntries(renamed.map((p) => [p.name, p.specName])) }),
    ...(cookies.length === 0
      ? {}
      : {
          cookies: {
            type: 'object',
            properties: Object.fromEntries(cookies.map((p) => [p.name, toJsonSchema(p.schema, doc)])),
            ...(required.length === 0 ? {} : { required }),
          },
        }),
  };
}
