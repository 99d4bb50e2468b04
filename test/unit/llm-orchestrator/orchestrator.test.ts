import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFakeAuthServiceClient,
  createFakeLlmProviderClient,
  createFakeNotionServiceClient,
  createFakeUserServiceClient,
} from '../../../generated/index.js';
import { httpError, ok, transportError } from '../../../lib/client/index.js';
import { buildOrchestratorApp } from '../../../services/llm-orchestrator/app.js';

const TOKEN = 'orchestrator-test-token-0123456789abcdef';
const internal = { 'x-internal-auth': TOKEN };
const bearer = { authorization: 'Bearer user-jwt' };

let app: FastifyInstance;
let users: ReturnType<typeof createFakeUserServiceClient>;
let notion: ReturnType<typeof createFakeNotionServiceClient>;
let auth: ReturnType<typeof createFakeAuthServiceClient>;
let llm: ReturnType<typeof createFakeLlmProviderClient>;

beforeEach(async () => {
  users = createFakeUserServiceClient({
    getLlmKeys: async () => ok({ google: null, openai: 'sk-o', anthropic: 'sk-a' }),
  });
  notion = createFakeNotionServiceClient({
    getNotionContext: async () => ok({ connected: true as const, token: 'secret_n' }),
  });
  auth = createFakeAuthServiceClient({
    verifyToken: async () =>
      ok({ valid: true as const, userId: 'usr_1', email: 'a@example.com', tenantId: 'tnt_1' }),
  });
  llm = createFakeLlmProviderClient();
  app = await buildOrchestratorApp({ auth, users, notion, llm, internalTokens: [TOKEN], logger: false });
});
afterEach(() => app.close());

describe('GET /internal/llm/users/{uid}/readiness', () => {
  it('fans out to user-service and notion-service', async () => {
    const res = await app.inject({ url: '/internal/llm/users/usr_1/readiness', headers: internal });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      providers: { google: false, openai: true, anthropic: true },
      notionConnected: true,
      degraded: [],
    });
    expect(users.calls.getLlmKeys[0]?.[0]).toEqual({ path: { uid: 'usr_1' } });
    expect(notion.calls.getNotionContext[0]?.[0]).toEqual({ path: { userId: 'usr_1' } });
  });

  it('degrades when notion-service fails and reports no keys for an unknown user', async () => {
    notion.override({ getNotionContext: async () => transportError('TIMEOUT') });
    users.override({ getLlmKeys: async () => httpError(404, { error: 'User not found' }) });
    const res = await app.inject({ url: '/internal/llm/users/usr_1/readiness', headers: internal });
    expect(res.json()).toEqual({
      providers: { google: false, openai: false, anthropic: false },
      notionConnected: false,
      degraded: ['notion-service'],
    });
  });

  it('answers 502 when user-service fails and 503 when its circuit is open', async () => {
    users.override({ getLlmKeys: async () => httpError(503, { error: 'store down' }) });
    expect(
      (await app.inject({ url: '/internal/llm/users/usr_1/readiness', headers: internal })).statusCode,
    ).toBe(502);
    users.override({ getLlmKeys: async () => transportError('CIRCUIT_OPEN') });
    expect(
      (await app.inject({ url: '/internal/llm/users/usr_1/readiness', headers: internal })).statusCode,
    ).toBe(503);
  });

  it('answers 401 without the internal token', async () => {
    expect((await app.inject({ url: '/internal/llm/users/usr_1/readiness' })).statusCode).toBe(401);
  });
});

describe('POST /llm/prompts', () => {
  const prompt = (payload: object) =>
    app.inject({ method: 'POST', url: '/llm/prompts', headers: bearer, payload });

  it('answers with the first provider that has a key and reports its usage', async () => {
    const res = await prompt({ prompt: 'hello' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      provider: 'anthropic',
      answer: '[anthropic] with Notion context: hello',
      usedNotionContext: true,
      degraded: [],
    });
    expect(users.calls.reportLlmKeyUsage[0]?.[0]).toEqual({ path: { uid: 'usr_1', provider: 'anthropic' } });
  });

  it('answers 409 when the asked provider has no key', async () => {
    const res = await prompt({ prompt: 'hello', provider: 'google' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('NO_LLM_KEY');
  });

  it('still answers, marked degraded, when usage reporting fails', async () => {
    users.override({ reportLlmKeyUsage: async () => transportError('NETWORK_ERROR') });
    expect((await prompt({ prompt: 'hi' })).json().degraded).toEqual(['user-service']);
  });

  it('answers 401 for a rejected token and 503 while auth-service is down', async () => {
    auth.override({
      verifyToken: async () => httpError(401, { error: 'Invalid token', code: 'TOKEN_INVALID' }),
    });
    expect((await prompt({ prompt: 'hi' })).statusCode).toBe(401);
    auth.override({ verifyToken: async () => transportError('NETWORK_ERROR') });
    const down = await prompt({ prompt: 'hi' });
    expect(down.statusCode).toBe(503);
    expect(down.json().code).toBe('AUTH_UNAVAILABLE');
    expect(
      (await app.inject({ method: 'POST', url: '/llm/prompts', payload: { prompt: 'x' } })).statusCode,
    ).toBe(401);
  });

  it('answers 400 for input the spec forbids', async () => {
    expect((await prompt({ prompt: '' })).statusCode).toBe(400);
    expect((await prompt({ prompt: 'x', provider: 'mistral' })).statusCode).toBe(400);
    expect((await prompt({ prompt: 'x', extra: 1 })).statusCode).toBe(400);
  });
});
