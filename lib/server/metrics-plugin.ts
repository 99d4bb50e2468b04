import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Authenticator } from './route-table.js';

/**
 * Writes the service's metrics in the Prometheus text format on a raw Node response: what an OpenTelemetry
 * Prometheus exporter's `getMetricsRequestHandler` is.
 */
export type MetricsHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** Options of the metrics plugin. */
export interface MetricsOptions {
  handler: MetricsHandler;
  /** Checks each scrape (the service's internal auth by default); none when undefined. */
  authenticate?: Authenticator | undefined;
}

/**
 * `GET /metrics`: the service's metrics as Prometheus text, behind `authenticate` when given (a refused scrape
 * gets the authenticator's status and body). Not traced or measured itself: `logLevel: 'warn'`.
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance, options: MetricsOptions) => {
    const authenticate = options.authenticate;
    app.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
      if (authenticate !== undefined) {
        const decision = await authenticate(request);
        if (!decision.ok) return reply.code(decision.status).send(decision.body);
      }
      reply.hijack();
      options.handler(request.raw, reply.raw);
      return reply;
    });
  },
  { name: 'switchboard-metrics', fastify: '5.x' },
);
