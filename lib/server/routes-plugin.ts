import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mediaEssence } from '../client/media-type.js';
import type { ServerSentEvent } from '../client/server-sent-event.js';
import { addBodyParser } from './body-parsers.js';
import { cookieReader, NO_COOKIES } from './cookie-params.js';
import { sendEventStream } from './event-stream-reply.js';
import { specNamedParams } from './param-names.js';
import { type RateLimitOptions, rateLimitConfig, registerRateLimit } from './rate-limit.js';
import type {
  AuthDecision,
  Authenticator,
  HandlerReply,
  HandlerRequest,
  RouteBody,
  RouteDefinition,
  RouteTable,
  SharedSchema,
} from './route-table.js';
import { createSerializerCompiler } from './serializer-compiler.js';
import { addSharedSchemas } from './shared-schemas.js';
import { createValidatorCompiler } from './validator-compiler.js';

/** Options of a generated `<service>Routes` plugin. */
export interface RoutesPluginOptions<H> {
  /** One handler per operation; a missing or unknown one fails registration. */
  handlers: H;
  /** One authenticator per security scheme the spec uses; a missing one fails registration. */
  authenticate?: Readonly<Record<string, Authenticator>>;
  /** Largest body in bytes per operationId, for routes that need another limit than the app's. */
  bodyLimit?: Readonly<Record<string, number>>;
  /** How often an idle event stream sends a heartbeat comment, in ms. Default 15000. */
  heartbeatMs?: number;
  /** Where the counters of operations with `x-rate-limit` live. Default: in memory. */
  rateLimit?: RateLimitOptions;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** What the route's security scheme accepted (an authenticator's `principal`); undefined on open routes. */
    principal: unknown;
  }
}

type AnyHandler = (request: HandlerRequest) => HandlerReply | Promise<HandlerReply>;

/**
 * Registers every route of `routes` on an encapsulated Fastify instance with Ajv validation from the spec.
 * `schemas` are the component schemas the route schemas refer to by `$id` (default none): added to the
 * instance with `addSchema` (once: see addSharedSchemas), so Ajv and Fastify's response serializer resolve
 * them. Fails at startup, naming them, when handlers or authenticators are missing or unknown. When an
 * operation has an `x-rate-limit`, the rate-limit plugin is registered first (await the returned promise).
 */
export function registerRoutes<H extends object>(
  app: FastifyInstance,
  service: string,
  routes: RouteTable,
  options: RoutesPluginOptions<H>,
  schemas: readonly SharedSchema[] = [],
): void | Promise<void> {
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
  const add = () => addRoutes(app, service, routes, options, schemas, handlers, authenticate);
  if (Object.values(routes).some((route) => route.rateLimit !== undefined))
    return registerRateLimit(app, service, options.rateLimit).then(add);
  add();
}

/** The routes of registerRoutes, once handlers and authenticators are checked. */
function addRoutes<H extends object>(
  app: FastifyInstance,
  service: string,
  routes: RouteTable,
  options: RoutesPluginOptions<H>,
  schemas: readonly SharedSchema[],
  handlers: Readonly<Record<string, AnyHandler>>,
  authenticate: Readonly<Record<string, Authenticator>>,
): void {
  addSharedSchemas(app, service, schemas);
  // Every route table registered on this context shares the compiler set last: it reads them all.
  app.setValidatorCompiler(createValidatorCompiler(() => app.getSchemas()));
  // Set even without shared schemas: its fast-json-stringify compiles response patterns as the validators do.
  app.setSerializerCompiler(createSerializerCompiler(() => app.getSchemas()));
  if (!app.hasRequestDecorator('principal')) app.decorateRequest('principal', undefined);
  const heartbeatMs = options.heartbeatMs;
  let formCompiler: ReturnType<typeof createValidatorCompiler> | undefined;
  for (const route of Object.values(routes)) {
    if (route.body !== undefined) addBodyParser(app, route.body);
    for (const body of route.accepts ?? []) addBodyParser(app, body);
    // A form's fields arrive as strings (a multipart body's too): its body coerces like a query string.
    if (route.body?.parse === 'form' || route.body?.parse === 'multipart')
      formCompiler ??= createValidatorCompiler(() => app.getSchemas(), { coerceBody: true });
  }
  for (const route of Object.values(routes)) {
    const media = route.produces === undefined && route.events === undefined ? undefined : route;
    const handler = handlers[route.operationId] as AnyHandler;
    const readCookies = route.cookies === undefined ? undefined : cookieReader(route.cookies);
    app.route({
      method: route.method,
      url: route.url,
      schema: route.schema,
      config: {
        operationId: route.operationId,
        security: route.security,
        path: route.path,
        ...(route.rateLimit === undefined ? {} : { rateLimit: rateLimitConfig(route, route.rateLimit) }),
      },
      // One body schema: it coerces when it is a form's. Several: the compiler coerces by media type.
      ...((route.body?.parse === 'form' || route.body?.parse === 'multipart') &&
      route.accepts === undefined &&
      formCompiler !== undefined
        ? { validatorCompiler: formCompiler }
        : {}),
      ...(options.bodyLimit?.[route.operationId] === undefined
        ? {}
        : { bodyLimit: options.bodyLimit[route.operationId] }),
      ...(route.security.length === 0 ? {} : { onRequest: securityHook(route, authenticate) }),
      ...(route.accepts === undefined
        ? {}
        : { preValidation: mediaTypeHook(route.accepts, route.bodyRequired === true) }),
      // Not async: a handler that answers synchronously is sent without a promise per request.
      handler: (request, reply) => {
        const out = handler({
          params: route.paramNames ? specNamedParams(request.params, route.paramNames) : request.params,
          query: request.query,
          headers: request.headers,
          body: request.body,
          // A cookie that does not match the spec throws a 400 validation error here, before the handler runs.
          cookies: readCookies === undefined ? NO_COOKIES : readCookies(request),
          principal: request.principal,
          request,
          reply,
        });
        // A stream is still being written when the promise settles: returning the reply (a thenable that settles
        // when the answer ends) keeps Fastify from sending the async handler's `undefined` over it.
        if (isThenable(out))
          return out.then((settled) => (send(reply, settled, media, heartbeatMs) ? reply : undefined));
        send(reply, out, media, heartbeatMs);
        return undefined;
      },
    });
  }
}

/** Sends a handler's reply; true when it is a stream (events or bytes), still being written on return. */
function send(
  reply: FastifyReply,
  out: HandlerReply,
  media: Pick<RouteDefinition, 'produces' | 'events'> | undefined,
  heartbeatMs: number | undefined,
): boolean {
  reply.code(out.status);
  if (out.headers !== undefined) reply.headers(out.headers);
  if (media !== undefined) {
    const events = media.events === undefined ? undefined : byStatus(media.events, out.status);
    if (events !== undefined && out.body !== undefined) {
      sendEventStream(reply, out.body as AsyncIterable<ServerSentEvent<unknown>>, events, heartbeatMs);
      return true;
    }
    const type = media.produces === undefined ? undefined : byStatus(media.produces, out.status);
    if (type !== undefined && !reply.hasHeader('content-type')) reply.type(type);
  }
  reply.send(out.body);
  // A streamed binary body is still being written on return, as an event stream is.
  return isStream(out.body);
}

/** A Node stream or a web ReadableStream, which Fastify pipes to the answer. */
function isStream(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    (typeof (body as { pipe?: unknown }).pipe === 'function' || body instanceof ReadableStream)
  );
}

/** The entry for `status` in a map keyed by status, range (`4XX`) or `default`. */
function byStatus<T>(map: Readonly<Record<string, T>>, status: number): T | undefined {
  return map[status] ?? map[`${Math.floor(status / 100)}XX`] ?? map.default;
}

const isThenable = <T>(value: T | PromiseLike<T>): value is PromiseLike<T> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

type Check = (request: FastifyRequest) => AuthDecision | Promise<AuthDecision>;
const PASSED: AuthDecision = { ok: true };

/**
 * The spec's security requirement on a request: the first alternative whose schemes all pass wins (its last
 * scheme's principal is kept), else the first refusal. Synchronous while the authenticators are, so the usual
 * case (a shared-secret check) costs no promise.
 */
function evaluate(
  alternatives: readonly (readonly Check[])[],
  request: FastifyRequest,
  from: number,
  fromScheme: number,
  passed: AuthDecision,
  refusal: AuthDecision | undefined,
): AuthDecision | Promise<AuthDecision> {
  let scheme = fromScheme;
  let decision = passed;
  for (let i = from; i < alternatives.length; i++) {
    const checks = alternatives[i] as readonly Check[];
    for (; scheme < checks.length; scheme++) {
      const out = (checks[scheme] as Check)(request);
      if (isThenable(out)) {
        const [at, next] = [i, scheme + 1];
        return out.then((d) =>
          d.ok
            ? evaluate(alternatives, request, at, next, d, refusal)
            : evaluate(alternatives, request, at + 1, 0, PASSED, refusal ?? d),
        );
      }
      decision = out;
      if (!decision.ok) break;
    }
    if (decision.ok) return decision;
    refusal ??= decision;
    scheme = 0;
    decision = PASSED;
  }
  return refusal ?? PASSED;
}

function securityHook(route: RouteDefinition, authenticate: Readonly<Record<string, Authenticator>>) {
  const alternatives = route.security.map((schemes) => schemes.map((s) => authenticate[s] as Check));
  return (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void => {
    const decision = evaluate(alternatives, request, 0, 0, PASSED, undefined);
    if (isThenable(decision)) {
      decision.then((settled) => {
        try {
          settleAuth(settled, request, reply, done);
        } catch (error) {
          done(error as Error); // e.g. an authenticator's invalid status: a 500, not an unhandled rejection
        }
      }, done);
    } else settleAuth(decision, request, reply, done);
  };
}

function settleAuth(
  decision: AuthDecision,
  request: FastifyRequest,
  reply: FastifyReply,
  done: (error?: Error) => void,
): void {
  if (decision.ok) {
    request.principal = decision.principal;
    done();
  } else reply.code(decision.status).send(decision.body);
}

/**
 * For a route whose body has one schema per media type: any other Content-Type is a 415 (Fastify would
 * parse a type it knows, such as `text/plain`, and find no schema to validate it with), and a required body
 * that is missing a 400 (with no Content-Type there is no schema to find it missing).
 */
function mediaTypeHook(accepts: readonly RouteBody[], required: boolean) {
  const types = new Set(accepts.map((b) => mediaEssence(b.type)));
  return (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void => {
    const type = request.headers['content-type'];
    if (type === undefined) {
      if (!required || (request.body !== undefined && request.body !== null)) done();
      else
        done(
          Object.assign(new Error('body must be present'), {
            statusCode: 400,
            code: 'FST_ERR_VALIDATION',
            validationContext: 'body',
          }),
        );
    } else if (types.has(mediaEssence(type))) done();
    else
      done(
        Object.assign(new Error(`Unsupported Media Type: ${mediaEssence(type)}`), {
          statusCode: 415,
          code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        }),
      );
  };
}
