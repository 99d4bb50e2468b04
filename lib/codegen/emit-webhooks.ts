import type { RouteDefinition } from '../server/route-table.js';
import { replyType, requestType } from './emit-server.js';
import { generatedHeader } from './header.js';
import { rowDepth, toLiteral } from './literal.js';
import { toPascal } from './naming.js';
import type { OperationModel } from './operation-model.js';
import { routeExtras } from './route-extras.js';
import type { ServiceModel } from './service-model.js';
import type { SharedSchema } from './shared-schemas.js';
import { hasRange, opTypeAlias } from './type-refs.js';

/**
 * `webhooks.ts`, for a spec with webhooks or callbacks: the receiving side, as `server.ts` is the serving
 * side. A route table placing each at a default URL (`/webhooks/<name>`, `/callbacks/<operationId>/<name>`;
 * the plugin's `urls` option moves them), request and reply types, the `<Service>WebhookHandlers` interface
 * and a plugin that validates each delivery against the spec before its handler runs.
 */
export function emitWebhooks(
  service: ServiceModel,
  receivers: readonly OperationModel[],
  schemas: Record<string, Record<string, unknown>>,
  shared: readonly SharedSchema[],
): string {
  const { pascal, camel } = service;
  const doc = service.bundle.doc;
  const table = Object.fromEntries(
    receivers.map((op) => {
      const { url, ...extras } = routeExtras(op, doc);
      const route: RouteDefinition = {
        operationId: op.id,
        method: op.method.toUpperCase() as RouteDefinition['method'],
        url,
        path: op.path,
        security: op.security,
        schema: schemas[op.id] ?? {},
        ...extras,
      };
      return [op.id, route];
    }),
  );
  const range = receivers.some(hasRange) ? '  type StatusInRange,\n' : '';
  const out = [
    generatedHeader(service.specPath),
    `import type { FastifyInstance } from 'fastify';`,
    `import {\n  type HandlerRequest,\n  type Replied,\n  type RouteTable,\n  type RoutesPluginOptions,\n  type SharedSchema,\n${range}  registerRoutes,\n  withRouteUrls,\n} from '${service.runtime}/server';`,
    `import type { webhooks } from './types.js';\n`,
    `/** The component schemas the ${service.name} webhook routes refer to by \`$id\`, each once. */`,
    `export const ${camel}WebhookSchemas: readonly SharedSchema[] = ${toLiteral(shared, '', false, rowDepth(shared, 1))};\n`,
    `/** Where each webhook and callback of ${service.name} is received by default, with schemas from the spec. */`,
    `export const ${camel}WebhookRoutes: RouteTable = ${toLiteral(table, '', false, rowDepth(table, 1))};\n`,
  ];
  for (const op of receivers) out.push(opTypeAlias(op), requestType(op), replyType(op));
  out.push(`/** One handler per webhook and callback of ${service.name} this app receives. */`);
  out.push(`export interface ${pascal}WebhookHandlers {`);
  for (const op of receivers) {
    const name = toPascal(op.id);
    out.push(
      `  /** ${op.method.toUpperCase()} ${op.path}${op.summary === undefined ? '' : `: ${op.summary.replaceAll('*/', '* /')}`} */`,
    );
    out.push(`  ${op.id}(request: ${name}Request): ${name}Reply | Promise<${name}Reply>;`);
  }
  out.push('}\n');
  out.push(
    `/** Options of \`${camel}WebhooksPlugin\`: handlers, authenticators, and the URL of any receiver to move. */`,
  );
  out.push(
    `export interface ${pascal}WebhooksPluginOptions extends RoutesPluginOptions<${pascal}WebhookHandlers> {`,
  );
  out.push(`  /** URL per receiver instead of its default (see \`${camel}WebhookRoutes\`). */`);
  out.push(`  urls?: Partial<Record<keyof ${pascal}WebhookHandlers, string>>;`);
  out.push('}\n');
  out.push(
    `/** Fastify plugin receiving ${service.name}'s webhooks and callbacks; fails at registration when a handler is missing. */`,
  );
  out.push(
    `export async function ${camel}WebhooksPlugin(app: FastifyInstance, options: ${pascal}WebhooksPluginOptions): Promise<void> {`,
  );
  out.push(
    `  await registerRoutes(app, ${JSON.stringify(`${service.name} webhooks`)}, withRouteUrls(${camel}WebhookRoutes, options.urls), options, ${camel}WebhookSchemas);`,
  );
  out.push('}', '');
  return out.join('\n');
}
