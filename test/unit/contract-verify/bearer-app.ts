import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';

/** The spec of the bearer app: GET /me, secured by BearerAuth. */
export const BEARER_SPEC = fileURLToPath(new URL('./fixtures/bearer-service.yaml', import.meta.url));
/** The internal token POST /mint requires in X-Internal-Auth. */
export const MINT_INTERNAL_TOKEN = randomBytes(16).toString('hex');

/**
 * GET /me answers 200 for a token the app minted and 401 otherwise; POST /mint (X-Internal-Auth required)
 * mints one for the body's `userId`, answering `{ access_token }`; POST /mint-nothing answers no token. `tokens` holds what was minted.
 */
export function bearerApp(tokens = new Set<string>()): FastifyInstance {
  const app = Fastify({ logger: false });
  app.post('/mint', async (request, reply) => {
    if (request.headers['x-internal-auth'] !== MINT_INTERNAL_TOKEN)
      return reply.code(401).send({ error: 'Unauthorized' });
    const userId = (request.body as { userId?: unknown } | undefined)?.userId;
    if (typeof userId !== 'string') return reply.code(400).send({ error: 'userId is required' });
    const token = `${userId}.${randomBytes(16).toString('hex')}`;
    tokens.add(token);
    return { access_token: token, token_type: 'Bearer' };
  });
  app.post('/mint-nothing', async () => ({ token_type: 'Bearer' }));
  app.get('/me', async (request, reply) => {
    const [scheme, token = ''] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !tokens.has(token)) return reply.code(401).send({ error: 'Unauthorized' });
    return { userId: token.split('.')[0] };
  });
  return app;
}
