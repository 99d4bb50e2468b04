/**
 * The servers the `server` suite loads, each answering `GET /internal/notion/users/{userId}/context` with the
 * same fixed JSON: the generated Switchboard stack, a bare Fastify route (without and with the generated
 * route's schemas), and fastify-openapi-glue on the same bundled spec. Built inside the server child process
 * (`serve.ts`).
 */
import { FastifyOtelInstrumentation } from '@fastify/otel';
import Fastify, { type FastifyInstance } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import { notionServiceDocument } from '../../generated/notion-service/document.js';
import {
  type NotionServiceHandlers,
  notionServiceRoutes,
  notionServiceRoutesPlugin,
  notionServiceSchemas,
} from '../../generated/notion-service/server.js';
import {
  createServiceApp,
  INTERNAL_AUTH_HEADER,
  internalAuthenticator,
  respond,
} from '../../lib/server/index.js';

/** The variants, in the order the suite measures them. */
export const VARIANTS = [
  'generated',
  'bare_fastify',
  'bare_fastify_schema',
  'openapi_glue',
  'generated_propagating',
  'generated_observed',
  'generated_observed_sampled',
  'generated_traced_unexported',
  'generated_metrics_only',
  'fastify_otel',
] as const;
export type Variant = (typeof VARIANTS)[number];

/** The request path every variant serves (one fixed user, so the load is one route). */
export const REQUEST_PATH = '/internal/notion/users/user-0001/context';
/** The Fastify route of that path. */
const ROUTE_URL = '/internal/notion/users/:userId/context';

/** The fixed answer of every variant (the spec's `connected` example). */
export const CONTEXT_BODY = {
  connected: true,
  token: 'secret_3xAmPl3NotionIntegrationToken0000000000',
} as const;

/** Variants that run with the OpenTelemetry SDK registered (spans to the loopback sink, metrics on). */
export const OBSERVED_VARIANTS: readonly Variant[] = [
  'generated_observed',
  'generated_observed_sampled',
  'generated_traced_unexported',
  'generated_metrics_only',
  'fastify_otel',
];

/** The share of traces the sampled observed variant keeps (`parentbased_traceidratio` with this argument). */
export const SAMPLED_RATIO = 0.1;

/** Environment variable through which the suite hands the accepted internal token to the server child. */
export const TOKEN_ENV = 'SWITCHBOARD_BENCH_INTERNAL_TOKEN';

/** Builds `variant` (not listening), accepting `token` in `X-Internal-Auth` where the variant checks auth. */
export function buildVariant(variant: Variant, token: string): Promise<FastifyInstance> {
  switch (variant) {
    case 'generated':
      return buildGenerated(token, false);
    case 'generated_propagating':
      return buildGenerated(token, true);
    case 'bare_fastify':
      return buildBare();
    case 'bare_fastify_schema':
      return buildBareWithSchema();
    case 'openapi_glue':
      return buildGlue(token);
    case 'generated_observed':
    case 'generated_observed_sampled':
    case 'generated_traced_unexported':
    case 'generated_metrics_only':
      return buildGenerated(token, false);
    case 'fastify_otel':
      return buildFastifyOtel();
  }
}

/**
 * The real stack, as services/notion-service/app.ts builds it (a leaf service: no AsyncLocalStorage
 * propagation), minus the store and with logs off; with `propagate`, as a service that calls others builds it.
 */
function buildGenerated(token: string, propagate: boolean): Promise<FastifyInstance> {
  const handlers: NotionServiceHandlers = {
    getNotionContext: () => respond(200, { ...CONTEXT_BODY }),
    connectNotion: () => respond(204),
    disconnectNotion: () => respond(204),
  };
  return createServiceApp({
    name: 'notion-service',
    routes: notionServiceRoutesPlugin,
    handlers,
    authenticate: { InternalAuth: internalAuthenticator([token]) },
    document: notionServiceDocument,
    context: { propagate },
    logger: false,
  });
}

/** The floor: one route, no schema, no hooks. */
async function buildBare(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get(ROUTE_URL, async () => ({ ...CONTEXT_BODY }));
  return app;
}

/**
 * The floor with the generated route's schemas: the same route and handler as `buildBare`, given the route
 * table's own `getNotionContext` schema (params validated against `UserId`; responses 200/400/401/503) and the
 * component schemas it refers to by `$id`, added with `addSchema`. Fastify's default compilers: its Ajv
 * validates the params and fast-json-stringify serializes the answer. No hooks, no auth.
 */
async function buildBareWithSchema(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  for (const schema of notionServiceSchemas) app.addSchema(structuredClone(schema));
  const schema = structuredClone(notionServiceRoutes.getNotionContext?.schema);
  if (schema === undefined) throw new Error('notion-service has no getNotionContext route');
  app.get(ROUTE_URL, { schema }, async () => ({ ...CONTEXT_BODY }));
  return app;
}

/**
 * The usual way to observe a Fastify service: `bare_fastify_schema`'s route with `@fastify/otel` registered
 * first, as its README sets it up (a request span, a handler span and a span per hook), on the SDK the server
 * child registered before building.
 */
async function buildFastifyOtel(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(new FastifyOtelInstrumentation().plugin());
  for (const schema of notionServiceSchemas) app.addSchema(structuredClone(schema));
  const schema = structuredClone(notionServiceRoutes.getNotionContext?.schema);
  if (schema === undefined) throw new Error('notion-service has no getNotionContext route');
  app.get(ROUTE_URL, { schema }, async () => ({ ...CONTEXT_BODY }));
  return app;
}

/**
 * fastify-openapi-glue as its README sets it up, on the same bundled document: routes, params and response
 * schemas from the spec, and an `InternalAuth` security handler doing the same check as the generated stack
 * (it calls the same authenticator and throws a 401 error when it refuses). Fastify's default Ajv, non-strict
 * because the spec's schemas carry OpenAPI keywords Ajv's strict mode rejects.
 */
async function buildGlue(token: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, ajv: { customOptions: { strict: false } } });
  const authenticate = internalAuthenticator([token]);
  await app.register(openapiGlue, {
    specification: structuredClone(notionServiceDocument),
    serviceHandlers: {
      getNotionContext: async () => ({ ...CONTEXT_BODY }),
      connectNotion: async () => undefined,
      disconnectNotion: async () => undefined,
    },
    securityHandlers: {
      InternalAuth: async (request: Parameters<typeof authenticate>[0]) => {
        const decision = await authenticate(request);
        if (!decision.ok) throw Object.assign(new Error('Unauthorized'), { statusCode: decision.status });
      },
    },
  });
  return app;
}

/** The headers every load request carries, auth included even where the variant does not check it. */
export function requestHeaders(token: string): Record<string, string> {
  return { [INTERNAL_AUTH_HEADER]: token, accept: 'application/json' };
}
