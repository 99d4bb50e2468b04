import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  createAuthServiceClient,
  createLlmProviderClient,
  createNotionServiceClient,
  createUserServiceClient,
} from '../../generated/index.js';
import { buildAuthApp } from '../../services/auth-service/app.js';
import { tokenSettings } from '../../services/auth-service/domain/tokens.js';
import { memoryRevocationStore } from '../../services/auth-service/store/memory-revocation-store.js';
import { redisRevocationStore } from '../../services/auth-service/store/redis-revocation-store.js';
import { buildOrchestratorApp } from '../../services/llm-orchestrator/app.js';
import { buildProviderApp } from '../../services/llm-provider/app.js';
import { buildNotionApp } from '../../services/notion-service/app.js';
import { memoryConnectionStore } from '../../services/notion-service/store/memory-connection-store.js';
import { redisConnectionStore } from '../../services/notion-service/store/redis-connection-store.js';
import { openStore } from '../../services/shared/redis-client.js';
import { buildUserApp } from '../../services/user-service/app.js';
import { memoryUserStore } from '../../services/user-service/store/memory-user-store.js';
import { redisUserStore } from '../../services/user-service/store/redis-user-store.js';
import { buildWhatsappApp } from '../../services/whatsapp-service/app.js';
import { memoryMessageStore } from '../../services/whatsapp-service/store/memory-message-store.js';
import { redisMessageStore } from '../../services/whatsapp-service/store/redis-message-store.js';

/** A request one of the services received. */
export interface SeenRequest {
  service: string;
  url: string;
  correlationId: string | undefined;
}

/** The six services listening on 127.0.0.1, and what the tests look at. */
export interface SystemFleet {
  /** Base URL of each service, by name. */
  urls: Record<string, string>;
  /** Every request any service received, in order. */
  seen: SeenRequest[];
  /** The apps in start order (auth-service first). */
  apps: FastifyInstance[];
  /** The internal token every service accepts. */
  internalToken: string;
  /** Completions llm-provider finished and cancelled. */
  completions: { completed: number; cancelled: number };
  /** Closes every app (and with it its Redis connection), cutting the connections clients keep open. */
  close(): Promise<void>;
}

/**
 * Starts all six services as real Fastify apps on 127.0.0.1:0, talking to each other only through
 * generated clients. The four services with state keep it as their main.ts would: through `openStore`, in
 * memory without `redisUrl`, else in Redis at `redisUrl` (one connection each, named after the service).
 */
export async function startSystem(redisUrl: string | undefined): Promise<SystemFleet> {
  const internalToken = randomBytes(32).toString('hex');
  const internalTokens = [internalToken];
  const credentials = { InternalAuth: internalToken };
  const seen: SeenRequest[] = [];
  const apps: FastifyInstance[] = [];
  const urls: Record<string, string> = {};
  const completions = { completed: 0, cancelled: 0 };
  const logger = false as const;
  const stores: { close: () => Promise<void> }[] = [];
  const open: typeof openStore = async (...args) => {
    const opened = await openStore(...args);
    stores.push(opened);
    return opened;
  };
  const close = async () => {
    // Every test is done: connections the clients' pools keep open (undici adds a spare one after a stream
    // is cut short) are closed rather than waited for.
    await Promise.all(
      apps.map((app) => {
        const closing = app.close();
        app.server.closeAllConnections();
        return closing;
      }),
    );
    await Promise.all(stores.map((store) => store.close()));
  };
  const start = async (name: string, app: FastifyInstance) => {
    app.addHook('onRequest', async (request) => {
      const id = request.headers['x-correlation-id'];
      seen.push({ service: name, url: request.url, correlationId: typeof id === 'string' ? id : undefined });
    });
    apps.push(app);
    urls[name] = await app.listen({ host: '127.0.0.1', port: 0 });
    return urls[name];
  };

  const startAll = async () => {
    const revocations = await open(redisUrl, 'auth-service', memoryRevocationStore, redisRevocationStore);
    const authUrl = await start(
      'auth-service',
      await buildAuthApp({
        tokens: tokenSettings({ secret: randomBytes(32).toString('hex') }),
        store: revocations.store,
        internalTokens,
        logger,
      }),
    );
    const auth = createAuthServiceClient({ baseUrl: authUrl, credentials });
    const users = await open(redisUrl, 'user-service', memoryUserStore, redisUserStore);
    const userUrl = await start(
      'user-service',
      await buildUserApp({
        store: users.store,
        internalTokens,
        encryptionKey: randomBytes(32),
        authClient: auth,
        logger,
      }),
    );
    const connections = await open(redisUrl, 'notion-service', memoryConnectionStore, redisConnectionStore);
    const notionUrl = await start(
      'notion-service',
      await buildNotionApp({ store: connections.store, internalTokens, logger }),
    );
    const messages = await open(redisUrl, 'whatsapp-service', memoryMessageStore, redisMessageStore);
    await start(
      'whatsapp-service',
      await buildWhatsappApp({ store: messages.store, internalTokens, logger }),
    );
    const providerUrl = await start(
      'llm-provider',
      await buildProviderApp({ tokenDelayMs: 10, stats: completions, logger }),
    );
    await start(
      'llm-orchestrator',
      await buildOrchestratorApp({
        auth,
        users: createUserServiceClient({ baseUrl: userUrl, credentials }),
        notion: createNotionServiceClient({ baseUrl: notionUrl, credentials }),
        llm: createLlmProviderClient({ baseUrl: providerUrl }),
        internalTokens,
        logger,
      }),
    );
  };
  try {
    await startAll();
  } catch (error) {
    await close();
    throw error;
  }
  return { urls, seen, apps, internalToken, completions, close };
}
