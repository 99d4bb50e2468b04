import type { RouteDefinition } from '../server/route-table.js';
import { generatedHeader } from './header.js';
import { rowDepth, toLiteral } from './literal.js';
import { toPascal } from './naming.js';
import type { OperationModel } from './operation-model.js';
import { routeExtras } from './route-extras.js';
import type { ServiceModel } from './service-model.js';
import type { SharedSchema } from './shared-schemas.js';
import {
  bodiesOf,
  bodyType,
  hasEvents,
  hasMultipart,
  hasRange,
  isPlainJson,
  opTypeAlias,
  paramPresence,
  paramsType,
  responseBodyType,
  statusType,
} from './type-refs.js';

/**
 * `server.ts`: the component schemas the routes share (each once, referred to by `$id`), the route table
 * (schemas from the spec), request and reply types per operation, the `<Service>Handlers` interface and a
 * plugin. Handlers answer with `respond(status, body)`, so an undeclared status, a wrong body or an excess
 * property is a compile error at the `return` (see `lib/server/respond.ts`).
 */
export function emitServer(
  service: ServiceModel,
  schemas: Record<string, Record<string, unknown>>,
  shared: readonly SharedSchema[],
): string {
  const { pascal, camel, operations } = service;
  const doc = service.bundle.doc;
  const table = Object.fromEntries(operations.map((op) => [op.id, routeOf(op, schemas[op.id] ?? {}, doc)]));
  const range = operations.some(hasRange) ? '  type StatusInRange,\n' : '';
  const events = operations.some(hasEvents) ? '  type ServerSentEvent,\n' : '';
  const multipart = operations.some(hasMultipart) ? '  type MultipartFields,\n' : '';
  const out = [
    generatedHeader(service.specPath),
    `import type { FastifyInstance } from 'fastify';`,
    `import {\n  type HandlerRequest,\n${multipart}  type Replied,\n  type RouteTable,\n  type RoutesPluginOptions,\n${events}  type SharedSchema,\n${range}  registerRoutes,\n} from '${service.runtime}/server';`,
    `import type { paths } from './types.js';\n`,
    `/** The component schemas of ${service.name} that the routes refer to by \`$id\`, each once (JSON Schema 2020-12). */`,
    `export const ${camel}Schemas: readonly SharedSchema[] = ${toLiteral(shared, '', true, rowDepth(shared, 1))};\n`,
    `/** Every route of ${service.name}, with Fastify JSON schemas taken from the spec. */`,
    `export const ${camel}Routes: RouteTable = ${toLiteral(table, '', true, rowDepth(table, 1))};\n`,
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
  out.push(
    `  await registerRoutes(app, ${JSON.stringify(service.name)}, ${camel}Routes, options, ${camel}Schemas);`,
  );
  out.push('}', '');
  return out.join('\n');
}

function routeOf(
  op: OperationModel,
  schema: Record<string, unknown>,
  doc: Record<string, unknown>,
): RouteDefinition {
  const { url, ...extras } = routeExtras(op, doc);
  return {
    operationId: op.id,
    method: op.method.toUpperCase() as RouteDefinition['method'],
    url,
    path: op.path,
    security: op.security,
    schema,
    ...extras,
    ...mediaOf(op),
  };
}

/**
 * The route's body parsers, response Content-Types where Fastify's JSON and text defaults do not fit, and
 * event-stream responses.
 */
type RouteMedia = Pick<RouteDefinition, 'body' | 'accepts' | 'bodyRequired' | 'produces' | 'events'>;

function mediaOf(op: OperationModel): RouteMedia {
  const out: RouteMedia = {};
  const body = op.body;
  if (body !== undefined && (body.kind === 'form' || body.kind === 'binary' || body.kind === 'multipart'))
    out.body = { type: body.contentType, parse: body.kind };
  else if (body?.kind === 'json' && !isPlainJson(body.contentType))
    out.body = { type: body.contentType, parse: 'json' };
  if (body?.alternatives !== undefined && body.required) out.bodyRequired = true;
  if (body?.alternatives !== undefined)
    out.accepts = bodiesOf(op).map((b) => ({
      type: b.contentType,
      parse:
        b.kind === 'json' || b.kind === 'form' || b.kind === 'multipart' || b.kind === 'binary'
          ? b.kind
          : 'text',
    }));
  const produces = op.responses.flatMap((r) =>
    r.contentType !== undefined && (r.kind === 'binary' || (r.kind === 'json' && !isPlainJson(r.contentType)))
      ? [[String(r.status), r.contentType] as const]
      : [],
  );
  if (produces.length > 0) out.produces = Object.fromEntries(produces);
  const events = op.responses.flatMap((r) =>
    r.kind === 'events' ? [[String(r.status), r.schema === undefined ? 'text' : 'json'] as const] : [],
  );
  if (events.length > 0) out.events = Object.fromEntries(events);
  return out;
}

/** The `<Operation>Request` type of a handler (also used for webhook receivers). */
export function requestType(op: OperationModel): string {
  const part = (where: 'path' | 'query' | 'header' | 'cookie') =>
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
  const body =
    op.body === undefined
      ? undefined
      : bodiesOf(op)
          .map((b) => bodyType(op, 'server', b))
          .join(' | ');
  const bodyPart = body === undefined ? 'undefined' : op.body?.required ? body : `${body} | undefined`;
  const cookies = paramPresence(op.params, 'cookie') === 'none' ? '' : `, ${part('cookie')}`;
  return `/** What the \`${op.id}\` handler receives. */\nexport type ${toPascal(op.id)}Request = HandlerRequest<${part('path')}, ${part('query')}, ${headers}, ${bodyPart}${cookies}>;\n`;
}

/** The `<Operation>Reply` type of a handler (also used for webhook receivers). */
export function replyType(op: OperationModel): string {
  const members = op.responses.map((r) => {
    const status = statusType(op, r);
    const body =
      r.contentType === undefined ? 'body?: undefined' : `body: ${responseBodyType(op, r, 'server')}`;
    return `  | { status: ${status}; ${body}; headers?: Record<string, string> }`;
  });
  return `/** What the \`${op.id}\` handler may answer, built with \`respond()\`: only documented statuses with their bodies. */\nexport type ${toPascal(op.id)}Reply = Replied<\n${members.join('\n')}\n>;\n`;
}
