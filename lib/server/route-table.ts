import type { FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';

/** One route of a generated route table: taken from the spec, never written by hand. */
export interface RouteDefinition {
  operationId: string;
  method: HTTPMethods;
  /** Fastify URL (`/internal/users/:uid/llm-keys`). */
  url: string;
  /** The spec's path template (`/internal/users/{uid}/llm-keys`). */
  path: string;
  /** Alternatives (OR) of scheme names that must all pass (AND); empty means open. */
  security: readonly (readonly string[])[];
  /** JSON Schemas for params, querystring, headers, body and every documented response status. */
  schema: FastifySchema;
  /**
   * Spec name by route name, for path parameters whose spec name Fastify cannot route (`enterprise-team`
   * is routed as `:enterprise_team`); handlers get them under the spec name. Absent when none.
   */
  paramNames?: Readonly<Record<string, string>>;
  /** JSON Schema of the cookie parameters (an object keyed by cookie name); absent when there are none. */
  cookies?: Readonly<Record<string, unknown>>;
  /** The request body's media type when Fastify has no parser for it by default; absent otherwise. */
  body?: RouteBody;
  /**
   * Every request media type, when the operation accepts several: each gets its parser and its own body
   * schema (`schema.body.content`), any other Content-Type a 415. Absent when there is one.
   */
  accepts?: readonly RouteBody[];
  /**
   * With `accepts`: the body is required (Fastify validates a body only against the schema of its media
   * type, so a request without one is refused before validation). Absent otherwise.
   */
  bodyRequired?: boolean;
  /**
   * The Content-Type per response status key (`'200'`, `'4XX'`, `'default'`) whose body is bytes or JSON of
   * another type than `application/json`, set when a handler's reply names none; absent when there are none.
   */
  produces?: Readonly<Record<string, string>>;
  /**
   * The response status keys whose body is a `text/event-stream`, with how each event's data is written (JSON
   * of the spec's `x-event-schema`, or text): a handler returns an async iterable of events for them.
   */
  events?: Readonly<Record<string, 'json' | 'text'>>;
  /** The operation's `x-rate-limit`; absent when it has none. */
  rateLimit?: RouteRateLimit;
}

/** An operation's `x-rate-limit`: at most `max` requests per `windowMs`, counted per caller or per user. */
export interface RouteRateLimit {
  max: number;
  windowMs: number;
  per: 'caller' | 'user';
}

/** A request body Fastify cannot parse by default: its media type and how it is read (see addBodyParser). */
export interface RouteBody {
  type: string;
  parse: 'json' | 'text' | 'form' | 'multipart' | 'binary';
}

/** A generated route table: operationId → route. */
export type RouteTable = Readonly<Record<string, RouteDefinition>>;

/**
 * A component schema of a service (JSON Schema 2020-12) that route schemas refer to with `$ref` by its
 * `$id` (`switchboard:<service>/<name>`); registered once per app with `addSchema` by `registerRoutes`.
 */
export type SharedSchema = Readonly<{ $id: string } & Record<string, unknown>>;

/** What a handler receives: the validated parts of the request, typed from the spec. */
export interface HandlerRequest<
  Params = unknown,
  Query = unknown,
  Headers = unknown,
  Body = unknown,
  Cookies = unknown,
> {
  params: Params;
  query: Query;
  headers: Headers;
  body: Body;
  /** The cookie parameters, parsed from the `Cookie` header and validated; empty when the spec has none. */
  cookies: Cookies;
  /** The authenticated principal, as the security scheme's authenticator returned it. */
  principal: unknown;
  /** The raw Fastify request (logger, id, abort signal). */
  request: FastifyRequest;
  reply: FastifyReply;
}

/** What a handler returns: a documented status and its body, plus optional response headers. */
export interface HandlerReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The outcome of checking one security scheme on a request. */
export type AuthDecision = { ok: true; principal?: unknown } | { ok: false; status: number; body: unknown };

/** Checks one security scheme (e.g. `InternalAuth`) on a request. */
export type Authenticator = (request: FastifyRequest) => AuthDecision | Promise<AuthDecision>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The spec's operationId of the route (set by the generated routes plugin). */
    operationId?: string;
    /** The route's security alternatives from the spec. */
    security?: readonly (readonly string[])[];
  }
}
