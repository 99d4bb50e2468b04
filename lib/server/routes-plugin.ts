import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {
  AuthDecision,
  Authenticator,
  HandlerReply,
  HandlerRequest,
  RouteDefinition,
  RouteTable,
} from './route-table.js';
import { createValidatorCompiler } from './validator-compiler.js';

/** Options of a generated `<service>Routes` plugin. */
export interface RoutesPluginOptions<H> {
  /** One handler per operation; a missing or unknown one fails registration. */
  handlers: H;
  /** One authenticator per security scheme the spec uses; a missing one fails registration. */
  authenticate?: Readonly<Record<string, Authenticator>>;
  /** Largest body in bytes per operationId, for routes that need another limit than the app's. */
  bodyLimit?: Readonly<Record<string, number>>;
}

type AnyHandler = (request: HandlerRequest) => HandlerReply | Promise<HandlerReply>;

/**
 * Registers every route of `routes` on an encapsulated Fastify instance with Ajv validation from the spec.
 * Fails at startup, naming them, when handlers or authenticators are missing or unknown.
 */
export function registerRoutes<H extends object>(
  app: FastifyInstance,
  service: string,
  routes: RouteTable,
  options: RoutesPluginOptions<H>,
): void {
  // The generated Handlers interface has one method per operationId; here they are looked up by name.
  const handlers = (options.handlers ?? {}) as Readonly<Record<string, AnyHandler>>;
  const missing = Object.keys(routes).filter((id) => typeof handlers[id] !== 'function');
  const unknown = Object.keys(handlers).filter((id) => !Object.hasOwn(routes, id));
  if (missing.length > 0) throw new Error(`${service}: no handler for operation(s) ${missing.join(', ')}`);
  if (unknown.length > 0)
    throw new Error(`${service}: handler(s) ${unknown.join(', ')} match no operation in the spec`);
  const authenticate = options.authenticate ?? {};
  for (const route of Object.values(routes)) {
    const schemes = route.security.flat().filter((s) => typeof authenticate[s] !== 'function');
    if (schemes.length > 0) {
      throw new Error(
        `${service}: operation ${route.operationId} needs an authenticator for ${[...new Set(schemes)].join(', ')}`,
      );
    }
  }
  app.setValidatorCompiler(createValidatorCompiler());
  for (const route of Object.values(routes)) {
    const handler = handlers[route.operationId] as AnyHandler;
    const principals = new WeakMap<FastifyRequest, unknown>();
    app.route({
      method: route.method,
      url: route.url,
      schema: route.schema,
      config: { operationId: route.operationId, security: route.security },
      ...(options.bodyLimit?.[route.operationId] === undefined
        ? {}
        : { bodyLimit: options.bodyLimit[route.operationId] }),
      ...(route.security.length === 0 ? {} : { onRequest: securityHook(route, authenticate, principals) }),
      handler: async (request, reply) => {
        const out = await handler({
          params: request.params,
          query: request.query,
          headers: request.headers,
          body: request.body,
          principal: principals.get(request),
          request,
          reply,
        });
        reply.code(out.status);
        if (out.headers !== undefined) reply.headers(out.headers);
        return out.body === undefined ? reply.send() : out.body;
      },
    });
  }
}

function securityHook(
  route: RouteDefinition,
  authenticate: Readonly<Record<string, Authenticator>>,
  principals: WeakMap<FastifyRequest, unknown>,
) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    let refusal: AuthDecision | undefined;
    for (const alternative of route.security) {
      let decision: AuthDecision = { ok: true };
      for (const scheme of alternative) {
        decision = await (authenticate[scheme] as Authenticator)(request);
        if (!decision.ok) break;
      }
      if (decision.ok) {
        principals.set(request, decision.principal);
        return;
      }
      refusal ??= decision;
    }
    if (refusal !== undefined && !refusal.ok) return reply.code(refusal.status).send(refusal.body);
  };
}
