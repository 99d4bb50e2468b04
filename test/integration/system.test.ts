import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuthServiceClient,
  createLlmOrchestratorClient,
  createNotionServiceClient,
  createUserServiceClient,
  createWhatsappServiceClient,
} from '../../generated/index.js';
import { EventStreamError } from '../../lib/client/index.js';
import { answerTokens } from '../../services/llm-provider/domain/completion.js';
import { createRedis } from '../../services/shared/redis-client.js';
import { type RedisServer, startRedis } from '../helpers/redis-server.js';
import { type SystemFleet, startSystem } from './system-fleet.js';

// All six services as real Fastify apps on 127.0.0.1:0, talking to each other only through generated clients;
// the same flows with every store in memory, then with every store in one real redis-server.
describe.each(['memory', 'redis'] as const)('the six services over real HTTP, stores in %s', (stores) => {
  let sys: SystemFleet;
  let redisServer: RedisServer | undefined;
  /** A client of our own on the stores' Redis, to look at what the services wrote. */
  let redis: Redis | undefined;
  let bearer: string;
  let credentials: { InternalAuth: string };

  beforeAll(async () => {
    if (stores === 'redis') {
      redisServer = await startRedis();
      redis = createRedis(redisServer.url, { commandTimeoutMs: 2000 });
    }
    sys = await startSystem(redisServer?.url);
    credentials = { InternalAuth: sys.internalToken };
    const auth = createAuthServiceClient({ baseUrl: sys.urls['auth-service'] ?? '', credentials });
    const issued = await auth.issueToken({
      body: { userId: 'usr_e2e', email: 'e2e@example.com', tenantId: 'tnt_e2e' },
    });
    if (!issued.ok) throw new Error(`cannot issue a token: ${issued.error.message}`);
    bearer = issued.value.token;
  });

  afterAll(async () => {
    await sys?.close();
    redis?.disconnect();
    await redisServer?.stop();
  });

  it('user-service verifies a public Bearer token through auth-service, carrying the correlation ID', async () => {
    const users = createUserServiceClient({ baseUrl: sys.urls['user-service'] ?? '' });
    const r = await users.createUser(
      { body: { email: 'e2e@example.com', displayName: 'E2E' } },
      { credentials: { BearerAuth: bearer }, correlationId: 'corr-user-1' },
    );
    expect(r.ok && r.status === 201 && r.value.id).toBe('usr_e2e');
    expect(sys.seen.filter((s) => s.correlationId === 'corr-user-1').map((s) => s.service)).toEqual([
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
    const notion = createNotionServiceClient({ baseUrl: sys.urls['notion-service'] ?? '', credentials });
    expect(
      (await notion.connectNotion({ path: { userId: 'usr_e2e' }, body: { token: 'secret_notion_e2e' } })).ok,
    ).toBe(true);
    const llm = createLlmOrchestratorClient({ baseUrl: sys.urls['llm-orchestrator'] ?? '', credentials });
    const r = await llm.getReadiness({ path: { uid: 'usr_e2e' } });
    expect(r.ok && r.value).toEqual({
      providers: { google: false, openai: false, anthropic: true },
      notionConnected: true,
      degraded: [],
    });
  });

  it('a prompt crosses two hops (orchestrator → auth, user, notion) with one correlation ID and reports usage', async () => {
    const llm = createLlmOrchestratorClient({ baseUrl: sys.urls['llm-orchestrator'] ?? '' });
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
    const hops = sys.seen.filter((s) => s.correlationId === 'corr-e2e-2').map((s) => `${s.service} ${s.url}`);
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
    const llm = createLlmOrchestratorClient({ baseUrl: sys.urls['llm-orchestrator'] ?? '' });
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
    const hops = sys.seen
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
    const before = { ...sys.completions };
    const llm = createLlmOrchestratorClient({ baseUrl: sys.urls['llm-orchestrator'] ?? '' });
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
    await expect.poll(() => sys.completions.cancelled, { timeout: 1500 }).toBe(before.cancelled + 1);
    expect(sys.completions.completed).toBe(before.completed);
    const hops = sys.seen.filter((s) => s.correlationId === 'corr-e2e-gone').map((s) => s.service);
    expect(hops).toContain('llm-provider');
    expect(hops.filter((s) => s === 'user-service')).toEqual(['user-service']); // the keys, no usage report
  });

  it('whatsapp-service sends once per Idempotency-Key', async () => {
    const wa = createWhatsappServiceClient({ baseUrl: sys.urls['whatsapp-service'] ?? '', credentials });
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
    const auth = createAuthServiceClient({ baseUrl: sys.urls['auth-service'] ?? '', credentials });
    expect((await auth.revokeToken({ body: { token: bearer } })).ok).toBe(true);
    const users = createUserServiceClient({ baseUrl: sys.urls['user-service'] ?? '' });
    const r = await users.createUser(
      { body: { email: 'x@example.com', displayName: 'X' } },
      { credentials: { BearerAuth: bearer } },
    );
    expect(!r.ok && r.error.status).toBe(401);
    const llm = createLlmOrchestratorClient({ baseUrl: sys.urls['llm-orchestrator'] ?? '' });
    const p = await llm.createPrompt({ body: { prompt: 'hi' } }, { credentials: { BearerAuth: bearer } });
    expect(!p.ok && p.error.status).toBe(401);
  });

  if (stores === 'redis')
    it("kept every service's state in Redis, not in the process", async () => {
      if (redis === undefined) throw new Error('no Redis client');
      const user = await redis.hgetall('user:usr_e2e');
      expect(user).toHaveProperty('llm-used:anthropic'); // the prompt's usage report
      expect(user['llm:anthropic']).toEqual(expect.any(String));
      expect(user['llm:anthropic']).not.toContain('sk-ant-e2e'); // sealed at rest
      expect(await redis.exists('user-email:e2e@example.com')).toBe(1);
      expect(await redis.get('notion:connection:usr_e2e')).toBe('secret_notion_e2e');
      expect(await redis.exists('whatsapp:idempotency:e2e-key-0001')).toBe(1);
      expect(await redis.keys('whatsapp:message:*')).toHaveLength(1);
      const payload = bearer.split('.')[1] ?? '';
      const { jti } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { jti: string };
      expect(await redis.ttl(`auth:revoked:${jti}`)).toBeGreaterThan(0);
      const clients = String(await redis.call('CLIENT', 'LIST'));
      for (const name of ['auth-service', 'user-service', 'notion-service', 'whatsapp-service'])
        expect(clients).toContain(`name=${name} `);
    });

  it('answers 503 on public routes once auth-service is gone', async () => {
    await sys.apps[0]?.close();
    const users = createUserServiceClient({ baseUrl: sys.urls['user-service'] ?? '' });
    const r = await users.createUser(
      { body: { email: 'y@example.com', displayName: 'Y' } },
      { credentials: { BearerAuth: 'any.jwt.token' } },
    );
    expect(!r.ok && r.error.status).toBe(503);
  });
});
