import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Options of the docs plugin. */
export interface DocsOptions {
  /** The service's bundled OpenAPI document (`generated/<service>/document.ts`). */
  document: Record<string, unknown>;
  /** Where Swagger UI is served. Default `/docs`; the JSON is at `<prefix>/json`. */
  routePrefix?: string;
}

/**
 * Serves the service's own spec with `@fastify/swagger` in static mode (the document is the contract, not
 * something rebuilt from routes) and Swagger UI at `/docs`.
 */
export const docsPlugin = fp(
  async (app: FastifyInstance, options: DocsOptions) => {
    await app.register(swagger, {
      mode: 'static',
      specification: { document: structuredClone(options.document) as never },
    });
    await app.register(swaggerUi, { routePrefix: options.routePrefix ?? '/docs', staticCSP: true });
  },
  { name: 'switchboard-docs', fastify: '5.x' },
);
