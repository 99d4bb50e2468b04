import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { bundleSpec } from '../../../lib/codegen/bundle.js';
import { readOperations } from '../../../lib/codegen/operation-model.js';
import { routeSchema } from '../../../lib/codegen/route-schema.js';
import type { ServiceModel } from '../../../lib/codegen/service-model.js';
import { shareSchemas } from '../../../lib/codegen/shared-schemas.js';
import { SpecLoader } from '../../../lib/codegen/spec-loader.js';
import {
  createServiceApp,
  type HandlerRequest,
  internalAuthenticator,
  type RouteDefinition,
  registerRoutes,
  type SharedSchema,
} from '../../../lib/server/index.js';

/** The fixture spec the verifier's tests verify against. */
export const GADGET_SPEC = fileURLToPath(new URL('./fixtures/gadget-service.yaml', import.meta.url));
/** The internal token both gadget apps accept. */
export const GADGET_TOKEN = randomBytes(32).toString('hex');

/** A route table and its shared schemas, built from the fixture spec the way `switchboard generate` builds them. */
function gadgetRoutes(): { table: Record<string, RouteDefinition>; schemas: SharedSchema[] } {
  const loader = new SpecLoader();
  const bundle = bundleSpec(loader.load(GADGET_SPEC), loader);
  const table: Record<string, RouteDefinition> = {};
  const sharing = shareSchemas('gadget-service', bundle.doc);
  for (const op of readOperations(bundle).operations) {
    // routeSchema reads nothing of the service but its bundle.
    const schema = routeSchema({ bundle } as unknown as ServiceModel, op, sharing);
    if (schema instanceof Error) throw schema;
    table[op.id] = {
      operationId: op.id,
      method: op.method.toUpperCase() as RouteDefinition['method'],
      url: op.path.replace(/\{(\w+)\}/g, ':$1'),
      path: op.path,
      security: op.security,
      schema,
    };
  }
  return { table, schemas: sharing.schemasFor(Object.values(table).map((r) => r.schema)) };
}

type Req = HandlerRequest<{ id: string }, unknown, unknown, Record<string, unknown>>;

/** A correct gadget-service on the shared server runtime: it should pass verification without violations. */
export async function goodGadgetApp(): Promise<FastifyInstance> {
  const { table: routes, schemas } = gadgetRoutes();
  const gadgets = new Map<string, unknown>();
  let next = 1;
  return createServiceApp({
    name: 'gadget-service',
    routes: async (app, options) => registerRoutes(app, 'gadget-service', routes, options, schemas),
    handlers: {
      createGadget: async ({ body }: Req) => {
        const gadget = { id: `g_${next++}`, createdAt: new Date().toISOString(), gadget: body };
        gadgets.set(gadget.id, gadget);
        return { status: 201, body: gadget };
      },
      getGadget: async ({ params }: Req) => {
        const gadget = gadgets.get(params.id);
        return gadget === undefined
          ? { status: 404, body: { error: 'Not found' } }
          : { status: 200, body: gadget };
      },
      deleteGadget: async ({ params }: Req) => {
        gadgets.delete(params.id);
        return { status: 204 };
      },
    },
    authenticate: { InternalAuth: internalAuthenticator([GADGET_TOKEN]) },
    logger: false,
  });
}

/**
 * A gadget-service with one bug of each kind: createGadget ignores credentials and answers a body that
 * does not match, and fails with 500 for size 10; getGadget answers an undocumented 418; deleteGadget
 * accepts any id (invalid ones included).
 */
export function buggyGadgetApp(): FastifyInstance {
  const app = Fastify({ logger: false });
  app.post('/internal/gadgets/gadgets', async (request, reply) => {
    if ((request.body as { size?: unknown } | null)?.size === 10) throw new Error('boom');
    return reply.code(201).send({ id: 42 });
  });
  app.get('/internal/gadgets/gadgets/:id', async (request, reply) => {
    if (request.headers['x-internal-auth'] !== GADGET_TOKEN)
      return reply.code(401).send({ error: 'Unauthorized' });
    return reply.code(418).send({ error: 'I am a teapot' });
  });
  app.delete('/gadgets/:id', async (_request, reply) => reply.code(204).send());
  return app;
}
