import type { RouteDefinition } from '../server/route-table.js';
import { generatedHeader } from './header.js';
import { toLiteral } from './literal.js';
import { toPascal } from './naming.js';
import type { OperationModel } from './operation-model.js';
import type { ServiceModel } from './service-model.js';
import { bodyType, opTypeAlias, paramPresence, paramsType, responseBodyType } from './type-refs.js';

/**
 * `server.ts`: the route table (schemas from the spec), request and reply types per operation, the
 * `<Service>Handlers` interface and a plugin. Handlers answer with `respond(status, body)`, so an undeclared
 * status, a wrong body or an excess property is a compile error at the `return` (see `lib/server/respond.ts`).
 */
export function emitServer(service: ServiceModel, schemas: Record<string, Record<string, unknown>>): string {
  const { pascal, camel, operations } = service;
  const table = Object.fromEntries(operations.map((op) => [op.id, routeOf(op, schemas[op.id] ?? {})]));
  const out = [
    generatedHeader(service.specPath),
    `import type { FastifyInstance } from 'fastify';`,
    `import {\n  type HandlerRequest,\n  type Replied,\n  type RouteTable,\n  type RoutesPluginOptions,\n  registerRoutes,\n} from '${service.runtime}/server';`,
    `import type { paths } from './types.js';\n`,
    `/** Every route of ${service.name}, with Fastify JSON schemas taken from the spec. */`,
    `export const ${camel}Routes: RouteTable = ${toLiteral(table)};\n`,
  ];
  for (const op of operations) out.push(opTypeAlias(op), requestType(op), replyType(op));
  out.push(
    `/** One handler per operation of ${service.name}; each returns \`respond(status, body)\` for a documented status. */`,
  );
  out.push(`export interface ${pascal}Handlers {`);
  for (const op of operations) {
    const name = toPascal(op.id);
    out.push(`  ${op.id}(request: ${name}Request): ${name}Reply | Promise<${name}Reply>;`);
  }
  out.push('}\n');
  out.push(`/**`);
  out.push(
    ` * Fastify plugin registering every ${service.name} route with validation from the spec. Registration fails,`,
  );
  out.push(` * naming them, when a handler or an authenticator for a security scheme is missing.`);
  out.push(` */`);
  out.push(
    `export async function ${camel}RoutesPlugin(app: FastifyInstance, options: RoutesPluginOptions<${pascal}Handlers>): Promise<void> {`,
  );
  out.push(`  registerRoutes(app, ${JSON.stringify(service.name)}, ${camel}Routes, options);`);
  out.push('}', '');
  return out.join('\n');
}

function routeOf(op: OperationModel, schema: Record<string, unknown>): RouteDefinition {
  return {
    operationId: op.id,
    method: op.method.toUpperCase() as RouteDefinition['method'],
    url: op.path.replaceAll(/\{([^}]+)\}/g, ':$1'),
    path: op.path,
    security: op.security,
    schema,
  };
}

function requestType(op: OperationModel): string {
  const part = (where: 'path' | 'query' | 'header') =>
    paramPresence(op.params, where) === 'none' ? 'Record<string, never>' : paramsType(op, where);
  const headerNames = op.params.filter((p) => p.in === 'header');
  // Fastify lower-cases header names; the spec's own spelling is kept in openapi-typescript's types.
  const headers =
    headerNames.length === 0
      ? 'Record<string, string | string[] | undefined>'
      : `{ ${headerNames
          .map(
            (p) =>
              `${JSON.stringify(p.name)}${p.required ? '' : '?'}: ${part('header')}[${JSON.stringify(p.specName)}]`,
          )
          .join('; ')} } & Record<string, string | string[] | undefined>`;
  const body = bodyType(op);
  const bodyPart = body === undefined ? 'undefined' : op.body?.required ? body : `${body} | undefined`;
  return `/** What the \`${op.id}\` handler receives. */\nexport type ${toPascal(op.id)}Request = HandlerRequest<${part('path')}, ${part('query')}, ${headers}, ${bodyPart}>;\n`;
}

function replyType(op: OperationModel): string {
  const members = op.responses.map((r) => {
    const status = r.status === 'default' ? 'number' : String(r.status);
    const body = r.contentType === undefined ? 'body?: undefined' : `body: ${responseBodyType(op, r)}`;
    return `  | { status: ${status}; ${body}; headers?: Record<string, string> }`;
  });
  return `/** What the \`${op.id}\` handler may answer, built with \`respond()\`: only documented statuses with their bodies. */\nexport type ${toPascal(op.id)}Reply = Replied<\n${members.join('\n')}\n>;\n`;
}
