import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuthServiceClient,
  createLlmOrchestratorClient,
  createLlmProviderClient,
  createNotionServiceClient,
  createUserServiceClient,
  createWhatsappServiceClient,
} from '../../generated/index.js';
import { EventStreamError } from '../../lib/client/index.js';
import { buildAuthApp } from '../../services/auth-service/app.js';
import { tokenSettings } from '../../services/auth-service/domain/tokens.js';
import { memoryRevocationStore } from '../../services/auth-service/store/memory-revocation-store.js';
import { buildOrchestratorApp } from '../../services/llm-orchestrator/app.js';
import { buildProviderApp } from '../../services/llm-provider/app.js';
import { answerTokens } from '../../services/llm-provider/domain/completion.js';
import { buildNotionApp } from '../../services/notion-service/app.js';
import { memoryConnectionStore } from '../../services/notion-service/store/memory-connection-store.js';
import { buildUserApp } from '../../services/user-service/app.js';
import { memoryUserStore } from '../../services/user-service/store/memory-user-store.js';
import { buildWhatsappApp } from '../../services/whatsapp-service/app.js';
import { memoryMessageStore } from '../../services/whatsapp-service/store/memory-message-store.js';

// All six services as real Fastify apps on 127.0.0.1:0, talking to each other only through generated clients.
const INTERNAL = randomBytes(32).toString('hex');
const credentials = { InternalAuth: INTERNAL };
const seen: { service: string; url: string; correlationId: string | undefined }[] = [];
const apps: FastifyInstance[] = [];
const urls: Record<string, string> = {};

async function start(name: string, app: FastifyInstance): Promise<string> {
  app.addHook('onRequest', async (request) => {
    const id = request.headers['x-correlation-id'];
    seen.push({ service: name, url: request.url, correlationId: typeof id === 'string' ? id : undefined });
  });
  apps.push(app);
  urls[name] = await app.listen({ host: '127.0.0.1', port: 0 });
  return urls[name];
}

let authUrl: string;
let bearer: string;
const completions = { completed: 0, cancelled: 0 };

beforeAll(async () => {
  const logger = false as const;
  const internalTokens = [INTERNAL];
  authUrl = await start(
    'auth-service',
    await buildAuthApp({
      tokens: tokenSettings({ secret: randomBytes(32).toString('hex') }),
      store: memoryRevocationStore(),
      internalTokens,
      logger,
    }),
  );
  const auth = createAuthServiceClient({ baseUrl: authUrl, credentials });
  const userUrl = await start(
    'user-service',
    await buildUserApp({
      store: memoryUserStore(),
      internalTokens,
      encryptionKey: randomBytes(32),
      authClient: auth,
      logger,
    }),
  );
  const notionUrl = await start(
    'notion-service',
    await buildNotionApp({ store: memoryConnectionStore(), internalTokens, logger }),
  );
  await start(
    'whatsapp-service',
    await buildWhatsappApp({ store: memoryMessageStore(), internalTokens, logger }),
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
  const issued = await auth.issueToken({
    body: { userId: 'usr_e2e', email: 'e2e@example.com', tenantId: 'tnt_e2e' },
  });
  if (!issued.ok) throw new Error(`cannot issue a token: ${issued.error.message}`);
  bearer = issued.value.token;
});

afterAll(async () => {
  // Every test is done: connections the clients' pools keep open (undici adds a spare one after a stream
  // is cut short) are closed rather than waited for.
  await Promise.all(
    apps.map((app) => {
      const closing = app.close();
      app.server.closeAllConnections();
      return closing;
    }),
  );
});

describe('the six services over real HTTP', () => {
  it('user-service verifies a public Bearer token through auth-service, carrying the correlation ID', async () => {
    const users = createUserServiceClient({ baseUrl: urls['user-service'] ?? '' });
    const r = await users.createUser(
      { body: { email: 'e2e@example.com', displayName: 'E2E' } },
      { credentials: { BearerAuth: bearer }, correlationId: 'corr-user-1' },
    );
    expect(r.ok && r.status === 201 && r.value.id).toBe('usr_e2e');
    expect(seen.filter((s) => s.correlationId === 'corr-user-1').map((s) => s.service)).toEqual([
      'user-service',
      'auth-service',
    ]);
    const key = await users.setLlmKey(
      { path: { uid: 'usr_e2e', provider: 'anthropic' }, body: { apiKey: 'sk-ant-e2e-0123456789' } },
      { credentials: { BearerAuth: bearer } },
    );
    expect(key.ok).toBe(true);
  });

  it('llm-orchestrator fans out to user- and notion-service for readiness', async () => {
    const notion = createNotionServiceClient({ baseUrl: urls['notion-service'] ?? '', credentials });
    expect(
      (await notion.connectNotion({ path: { userId: 'usr_e2e' }, body: { token: 'secret_notion_e2e' } })).ok,
    ).toBe(true);
    const llm = createLlmOrchestratorClient({ baseUrl: urls['llm-orchestrator'] ?? '', credentials });
    const r = await llm.getReadiness({ path: { uid: 'usr_e2e' } });
    expect(r.ok && r.value).toEqual({
      providers: { google: false, openai: false, anthropic: true },
      notionConnected: true,
      degraded: [],
    });
  });

  it('a prompt crosses two hops (orchestrator → auth, user, notion) with one correlation ID and reports usage', async () => {
    const llm = createLlmOrchestratorClient({ baseUrl: urls['llm-orchestrator'] ?? '' });
    const r = await llm.createPrompt(
      { body: { prompt: 'Summarise my week' } },
      { credentials: { BearerAuth: bearer }, correlationId: 'corr-e2e-2' },
    );
    expect(r.ok && r.value).toEqual({
      provider: 'anthropic',
      answer: '[anthropic] with Notion context: Summarise my week',
      usedNotionContext: true,
      degraded: [],
    });
    const hops = seen.filter((s) => s.correlationId === 'corr-e2e-2').map((s) => `${s.service} ${s.url}`);
    expect(hops).toEqual(
      expect.arrayContaining([
        'llm-orchestrator /llm/prompts',
        'auth-service /auth/verify',
        'user-service /internal/users/usr_e2e/llm-keys',
        'notion-service /internal/notion/users/usr_e2e/context',
        'user-service /internal/users/usr_e2e/llm-keys/anthropic/last-used',
      ]),
    );
    expect(hops).toHaveLength(5);
  });

  it('a streamed answer flows provider → orchestrator → caller token by token, then usage is reported', async () => {
    const llm = createLlmOrchestratorClient({ baseUrl: urls['llm-orchestrator'] ?? '' });
    const r = await llm.createPromptStream(
      { body: { prompt: 'Summarise my week' } },
      { credentials: { BearerAuth: bearer }, correlationId: 'corr-e2e-stream' },
    );
    if (!r.ok) throw new Error(r.error.message);
    const tokens: string[] = [];
    const last: unknown[] = [];
    for await (const { data } of r.value) {
      if (data.type === 'token') tokens.push(data.text);
      else last.push(data);
    }
    const expected = answerTokens('anthropic', '(with Notion context) Summarise my week');
    expect(tokens).toEqual(expected);
    expect(last).toEqual([
      {
        type: 'done',
        provider: 'anthropic',
        tokens: expected.length,
        usedNotionContext: true,
        degraded: [],
      },
    ]);
    const hops = seen
      .filter((s) => s.correlationId === 'corr-e2e-stream')
      .map((s) => `${s.service} ${s.url}`);
    expect(hops).toEqual(
      expect.arrayContaining([
        'llm-provider /v1/completions',
        'user-service /internal/users/usr_e2e/llm-keys/anthropic/last-used',
      ]),
    );
  });

  it('a caller that goes away mid-answer cancels the provider stream and reports no usage', async () => {
    const before = { ...completions };
    const llm = createLlmOrchestratorClient({ baseUrl: urls['llm-orchestrator'] ?? '' });
    const controller = new AbortController();
    const prompt = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const r = await llm.createPromptStream(
      { body: { prompt } },
      { credentials: { BearerAuth: bearer }, correlationId: 'corr-e2e-gone', signal: controller.signal },
    );
    if (!r.ok) throw new Error(r.error.message);
    let read = 0;
    const error = await (async () => {
      for await (const { data } of r.value) {
        if (data.type === 'token' && ++read === 3) controller.abort();
      }
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EventStreamError);
    expect((error as EventStreamError).code).toBe('ABORTED');
    // 200 tokens 10 ms apart would take 2 s: the provider stops within a few tokens of the caller leaving.
    await expect.poll(() => completions.cancelled, { timeout: 1500 }).toBe(before.cancelled + 1);
    expect(completions.completed).toBe(before.completed);
    const hops = seen.filter((s) => s.correlationId === 'corr-e2e-gone').map((s) => s.service);
    expect(hops).toContain('llm-provider');
    expect(hops.filter((s) => s === 'user-service')).toEqual(['user-service']); // the keys, no usage report
  });

  it('whatsapp-service sends once per Idempotency-Key', async () => {
    const wa = createWhatsappServiceClient({ baseUrl: urls['whatsapp-service'] ?? '', credentials });
    const input = {
      headers: { 'Idempotency-Key': 'e2e-key-0001' },
      body: { userId: 'usr_e2e', to: '+4712345678', text: 'hello' },
    };
    const first = await wa.sendMessage(input);
    const second = await wa.sendMessage(input);
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) {
      expect(second.value.messageId).toBe(first.value.messageId);
      expect(second.value.deduplicated).toBe(true);
    }
  });

  it('a revoked token is refused by user-service and llm-orchestrator', async () => {
    const auth = createAuthServiceClient({ baseUrl: authUrl, credentials });
    expect((await auth.revokeToken({ body: { token: bearer } })).ok).toBe(true);
    const users = createUserServiceClient({ baseUrl: urls['user-service'] ?? '' });
    const r = await users.createUser(
      { body: { email: 'x@example.com', displayName: 'X' } },
      { credentials: { BearerAuth: bearer } },
    );
    expect(!r.ok && r.error.status).toBe(401);
    const llm = createLlmOrchestratorClient({ baseUrl: urls['llm-orchestrator'] ?? '' });
    const p = await llm.createPrompt({ body: { prompt: 'hi' } }, { credentials: { BearerAuth: bearer } });
    expect(!p.ok && p.error.status).toBe(401);
  });

  it('answers 503 on public routes once auth-service is gone', async () => {
    await apps[0]?.close();
    const users = createUserServiceClient({ baseUrl: urls['user-service'] ?? '' });
    const r = await users.createUser(
      { body: { email: 'y@example.com', displayName: 'Y' } },
      { credentials: { BearerAuth: 'any.jwt.token' } },
    );
    expect(!r.ok && r.error.status).toBe(503);
  });
});
