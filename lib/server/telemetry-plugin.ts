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
import { innerMap } from '../inner-map.js';
import { activeTracer, instruments } from '../telemetry/instruments.js';
import { onRequestStart } from './request-start.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's server span (a no-op one without an OpenTelemetry SDK). */
    span: Span | null;
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

const answers = new WeakMap<object, Map<string, Attributes>>();

/**
 * The duration's attributes for an answer of `status` to `request`: one object per route, method and status,
 * made once (the metric store then finds its aggregation by the object, without hashing the attributes).
 */
function answerAttributes(request: FastifyRequest, status: number): Attributes {
  const config = request.routeOptions.config;
  const key = `${request.method} ${status}`;
  const byAnswer = innerMap(answers, config);
  let attributes = byAnswer.get(key);
  if (attributes === undefined) {
    attributes = { 'http.request.method': request.method, 'http.response.status_code': status };
    const route = config.path ?? request.routeOptions.url;
    if (route !== undefined) attributes['http.route'] = route;
    if (config.operationId !== undefined) attributes['switchboard.operation_id'] = config.operationId;
    if (status >= 500) attributes['error.type'] = String(status);
    byAnswer.set(key, attributes);
  }
  return attributes;
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
    // Decided once, when the app is built: with no SDK registered by then (start it first, as the services
    // do), the app gets no hooks at all rather than two no-op ones on every request.
    if (activeTracer() === undefined && !instruments().enabled) return;
    const start = (request: FastifyRequest): void => {
      // Without an SDK every span would be a no-op: skip the work.
      const tracer = activeTracer();
      if (tracer === undefined) return;
      const route = request.routeOptions.config.path ?? request.routeOptions.url;
      const method = request.method;
      const attributes: Attributes = {
        'http.request.method': method,
        'url.path': request.url.split('?')[0],
      };
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
      if (!meters.enabled && request.span === null) {
        done();
        return;
      }
      const status = reply.statusCode;
      if (meters.enabled)
        meters.serverDuration.record(reply.elapsedTime / 1000, answerAttributes(request, status));
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
