import {
  type Attributes,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
} from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { activeTracer, instruments } from '../telemetry/instruments.js';
import { onRequestStart } from './request-start.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's server span (a no-op one without an OpenTelemetry SDK). */
    span: Span | null;
    /** The telemetry plugin's record of the request's route (internal). */
    telemetryRoute: RouteTelemetry | null;
  }
  interface FastifyContextConfig {
    /** The spec's path template of the route (`/users/{uid}`), the span name's and metrics' `http.route`. */
    path?: string;
  }
}

/** Header getter for propagation.extract over Node's lower-cased header object. */
const headerGetter = {
  get: (carrier: FastifyRequest['headers'], key: string) => carrier[key],
  keys: (carrier: FastifyRequest['headers']) => Object.keys(carrier),
};

/** What the plugin keeps per route (per route config object): its `http.route` and its answers' attributes. */
export interface RouteTelemetry {
  /** The spec's path template, else Fastify's route URL; undefined for an unmatched request. */
  route: string | undefined;
  operationId: string | undefined;
  /** The duration's attributes per `{method} {status}`. */
  answers: Map<string, Attributes>;
}

const routes = new WeakMap<object, RouteTelemetry>();

/**
 * The request's route telemetry. Fastify's `routeOptions` getter builds a new object of eleven fields on every
 * read, so it is read once per request, here.
 */
function routeTelemetry(request: FastifyRequest): RouteTelemetry {
  const options = request.routeOptions;
  const config = options.config;
  let telemetry = routes.get(config);
  if (telemetry === undefined) {
    telemetry = { route: config.path ?? options.url, operationId: config.operationId, answers: new Map() };
    routes.set(config, telemetry);
  }
  return telemetry;
}

/**
 * The duration's attributes for an answer of `status` to `method` on `route`: one object per route, method and
 * status, made once (the metric store then finds its aggregation by the object, without hashing the attributes).
 */
function answerAttributes(route: RouteTelemetry, method: string, status: number): Attributes {
  const key = `${method} ${status}`;
  let attributes = route.answers.get(key);
  if (attributes === undefined) {
    attributes = { 'http.request.method': method, 'http.response.status_code': status };
    if (route.route !== undefined) attributes['http.route'] = route.route;
    if (route.operationId !== undefined) attributes['switchboard.operation_id'] = route.operationId;
    if (status >= 500) attributes['error.type'] = String(status);
    route.answers.set(key, attributes);
  }
  return attributes;
}

/** The URL's path, without the query. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Traces and measures every request by the OpenTelemetry HTTP semantic conventions, through
 * `@opentelemetry/api` only (no-ops until the service registers an SDK): a SERVER span named `{method}
 * {http.route}` (the spec's path template), continuing the caller's W3C trace context, ended when the answer
 * is written; the `http.server.request.duration` histogram (seconds); `trace_id` and `span_id` on the
 * request's log lines when the span is sampled. The span also goes on the request context, so calls made
 * while handling the request are its children. Register the SDK before building the app: without one this
 * plugin adds nothing.
 */
export const telemetryPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('span', null);
    app.decorateRequest('telemetryRoute', null);
    // Decided once, when the app is built: with no SDK registered by then (start it first, as the services
    // do), the app gets no hooks at all rather than two no-op ones on every request.
    if (activeTracer() === undefined && !instruments().enabled) return;
    const start = (request: FastifyRequest): void => {
      const telemetry = routeTelemetry(request);
      request.telemetryRoute = telemetry;
      // Without an SDK every span would be a no-op: skip the work.
      const tracer = activeTracer();
      if (tracer === undefined) return;
      const route = telemetry.route;
      const method = request.method;
      const attributes: Attributes = { 'http.request.method': method, 'url.path': pathOf(request.url) };
      if (route !== undefined) attributes['http.route'] = route;
      const parent = propagation.extract(ROOT_CONTEXT, request.headers, headerGetter);
      const span = tracer.startSpan(
        route === undefined ? method : `${method} ${route}`,
        { kind: SpanKind.SERVER, attributes },
        parent,
      );
      request.span = span;
      // Set by the request context plugin, which runs first; absent if an app registers this one alone.
      if (request.context !== null && request.context !== undefined) request.context.span = span;
      if (span.isRecording()) {
        const { traceId, spanId } = span.spanContext();
        request.log = request.log.child({ trace_id: traceId, span_id: spanId });
      }
    };
    // Run by the request context plugin's own hook when there is one (one Fastify hook fewer per request).
    if (!onRequestStart(app, start))
      app.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
        start(request);
        done();
      });
    app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const meters = instruments();
      const status = reply.statusCode;
      if (meters.enabled) {
        // Absent when the request was answered before the start hook ran (a body too large, a bad URL).
        const telemetry = request.telemetryRoute ?? routeTelemetry(request);
        meters.serverDuration.record(
          reply.elapsedTime / 1000,
          answerAttributes(telemetry, request.method, status),
        );
      }
      const span = request.span;
      if (span !== null) {
        span.setAttribute('http.response.status_code', status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      done();
    });
  },
  { name: 'switchboard-telemetry', fastify: '5.x', dependencies: ['switchboard-request-context'] },
);
