import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import {
  createAuthServiceClient,
  createLlmProviderClient,
  createNotionServiceClient,
  createUserServiceClient,
} from '../../../generated/index.js';
import { buildAuthApp } from '../../../services/auth-service/app.js';
import { tokenSettings } from '../../../services/auth-service/domain/tokens.js';
import { memoryRevocationStore } from '../../../services/auth-service/store/memory-revocation-store.js';
import { redisRevocationStore } from '../../../services/auth-service/store/redis-revocation-store.js';
import { buildOrchestratorApp } from '../../../services/llm-orchestrator/app.js';
import { buildProviderApp } from '../../../services/llm-provider/app.js';
import { buildNotionApp } from '../../../services/notion-service/app.js';
import { memoryConnectionStore } from '../../../services/notion-service/store/memory-connection-store.js';
import { redisConnectionStore } from '../../../services/notion-service/store/redis-connection-store.js';
import { openStore } from '../../../services/shared/redis-client.js';
import { buildUserApp } from '../../../services/user-service/app.js';
import { memoryUserStore } from '../../../services/user-service/store/memory-user-store.js';
import { redisUserStore } from '../../../services/user-service/store/redis-user-store.js';
import { buildWhatsappApp } from '../../../services/whatsapp-service/app.js';
import { memoryMessageStore } from '../../../services/whatsapp-service/store/memory-message-store.js';
import { redisMessageStore } from '../../../services/whatsapp-service/store/redis-message-store.js';

/** The user the specs' examples name (`usr_7f3a9c`), seeded so that examples reach their 2xx answers. */
export const EXAMPLE_USER = { userId: 'usr_7f3a9c', email: 'ada@example.com', tenantId: 'tnt_acme' };
/** The message id of whatsapp-service's `getMessage` example. */
export const EXAMPLE_MESSAGE_ID = 'msg_01HZX3K9QF7T';

/** The six services listening on 127.0.0.1:0, with the credentials verification needs. */
export interface ProviderFleet {
  urls: Record<
    | 'auth-service'
    | 'user-service'
    | 'notion-service'
    | 'whatsapp-service'
    | 'llm-orchestrator'
    | 'llm-provider',
    string
  >;
  /** The internal token every service accepts. */
  internalToken: string;
  /** A real JWT for EXAMPLE_USER, issued by auth-service. */
  bearer: string;
  /** Another real JWT, for a revocation case (revoking `bearer` would refuse every later Bearer call). */
  revocable: string;
  close(): Promise<void>;
}

/**
 * Starts all six services in-process (a random internal token and JWT secret, no logs) and seeds what the
 * specs' examples refer to: EXAMPLE_USER with a key per LLM provider and a Google OAuth token, their Notion
 * connection, and the example WhatsApp message. The four stateful services keep their state in memory, or
 * in the Redis at `redisUrl` (one connection each, as their main.ts opens it, with a 2 s command timeout
 * instead of 250 ms: verification sends thousands of requests on a shared machine, and a slow command would
 * be a 503 where the case expects its 2xx).
 */
export async function startProviderFleet(redisUrl?: string): Promise<ProviderFleet> {
  const opened: { close: () => Promise<void> }[] = [];
  const open = async <S>(name: string, inMemory: () => S, onRedis: (redis: Redis) => S): Promise<S> => {
    const { store, close } = await openStore(redisUrl, name, inMemory, onRedis, { commandTimeoutMs: 2000 });
    opened.push({ close });
    return store;
  };
  const internalToken = randomBytes(32).toString('hex');
  const internalTokens = [internalToken];
  const credentials = { InternalAuth: internalToken };
  const logger = false as const;
  const apps: FastifyInstance[] = [];
  const listen = async (app: FastifyInstance) => {
    apps.push(app);
    return app.listen({ host: '127.0.0.1', port: 0 });
  };
  const authUrl = await listen(
    await buildAuthApp({
      tokens: tokenSettings({ secret: randomBytes(32).toString('hex') }),
      store: await open('auth-service', memoryRevocationStore, redisRevocationStore),
      internalTokens,
      logger,
    }),
  );
  const auth = createAuthServiceClient({ baseUrl: authUrl, credentials });
  const userStore = await open('user-service', memoryUserStore, redisUserStore);
  const userUrl = await listen(
    await buildUserApp({
      store: userStore,
      internalTokens,
      encryptionKey: randomBytes(32),
      authClient: auth,
      logger,
    }),
  );
  const notionStore = await open('notion-service', memoryConnectionStore, redisConnectionStore);
  const notionUrl = await listen(await buildNotionApp({ store: notionStore, internalTokens, logger }));
  const messages = await open('whatsapp-service', memoryMessageStore, redisMessageStore);
  const whatsappUrl = await listen(await buildWhatsappApp({ store: messages, internalTokens, logger }));
  // The provider knows the seeded users' keys and the token verification sends as a valid credential.
  const knownKeys = new Set<string>();
  const providerUrl = await listen(
    await buildProviderApp({ tokenDelayMs: 0, acceptKey: (key) => knownKeys.has(key), logger }),
  );
  const orchestratorUrl = await listen(
    await buildOrchestratorApp({
      auth,
      users: createUserServiceClient({ baseUrl: userUrl, credentials }),
      notion: createNotionServiceClient({ baseUrl: notionUrl, credentials }),
      llm: createLlmProviderClient({ baseUrl: providerUrl }),
      internalTokens,
      logger,
    }),
  );
  const issue = async () => {
    const issued = await auth.issueToken({ body: EXAMPLE_USER });
    if (!issued.ok) throw new Error(`auth-service did not issue a token: ${issued.error.message}`);
    return issued.value.token;
  };
  const bearer = await issue();
  const users = createUserServiceClient({ baseUrl: userUrl, credentials: { BearerAuth: bearer } });
  const created = await users.createUser({
    body: { email: EXAMPLE_USER.email, displayName: 'Ada Lovelace' },
  });
  if (!created.ok) throw new Error(`cannot seed ${EXAMPLE_USER.userId}: ${created.error.message}`);
  knownKeys.add(bearer);
  for (const provider of ['google', 'openai', 'anthropic'] as const) {
    knownKeys.add(`sk-${provider}-seeded-key-0123456789`);
    const set = await users.setLlmKey({
      path: { uid: EXAMPLE_USER.userId, provider },
      body: { apiKey: `sk-${provider}-seeded-key-0123456789` },
    });
    if (!set.ok) throw new Error(`cannot seed the ${provider} key: ${set.error.message}`);
  }
  await userStore.setOAuthToken(EXAMPLE_USER.userId, 'google', {
    accessToken: 'ya29.seeded-access-token',
    tokenType: 'Bearer',
    expiresAt: '2030-01-01T00:00:00Z',
  });
  await notionStore.set(EXAMPLE_USER.userId, 'secret_seeded_notion_token');
  await messages.saveMessage({
    messageId: EXAMPLE_MESSAGE_ID,
    userId: EXAMPLE_USER.userId,
    to: '+447700900123',
    text: 'Your summary is ready.',
    status: 'sent',
    createdAt: '2025-06-01T12:00:00Z',
  });
  return {
    urls: {
      'auth-service': authUrl,
      'user-service': userUrl,
      'notion-service': notionUrl,
      'whatsapp-service': whatsappUrl,
      'llm-orchestrator': orchestratorUrl,
      'llm-provider': providerUrl,
    },
    internalToken,
    bearer,
    revocable: await issue(),
    close: async () => {
      await Promise.all(apps.map((app) => app.close()));
      await Promise.all(opened.map((store) => store.close()));
    },
  };
}
