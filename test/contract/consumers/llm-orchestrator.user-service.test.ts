// llm-orchestrator as a consumer of user-service (getLlmKeys, reportLlmKeyUsage), against Prism mocks.
import { describe, expect, it } from 'vitest';
import { createUserServiceClient, userServiceSpec } from '../../../generated/user-service/client.js';
import { preferCode, preferDynamic, prismViolations, usePrism } from '../../helpers/prism.js';
import { documentedErrors } from './documented-errors.js';
import {
  bearer,
  credentials,
  EXAMPLE_UID,
  internal,
  ORCHESTRATOR_DOWNSTREAMS,
  orchestratorOnPrism,
} from './orchestrator-on-prism.js';

const mocks = usePrism(ORCHESTRATOR_DOWNSTREAMS);
const users = () => createUserServiceClient({ baseUrl: mocks.url('user-service'), credentials });
const readiness = `/internal/llm/users/${EXAMPLE_UID}/readiness`;

describe('happy path from the examples', () => {
  it('readiness reflects the example keys (google and anthropic set, openai null)', async () => {
    const { app, sent } = await orchestratorOnPrism(mocks);
    const res = await app.inject({ url: readiness, headers: internal });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      providers: { google: true, openai: false, anthropic: true },
      notionConnected: true,
      degraded: [],
    });
    expect(sent).toContain(`GET /internal/users/${EXAMPLE_UID}/llm-keys`);
  });

  it('a prompt uses the first example key and reports its usage (204)', async () => {
    const { app, sent } = await orchestratorOnPrism(mocks);
    const res = await app.inject({
      method: 'POST',
      url: '/llm/prompts',
      headers: bearer,
      payload: { prompt: 'Hi' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      provider: 'anthropic',
      answer: '[anthropic] with Notion context: Hi',
      usedNotionContext: true,
      degraded: [],
    });
    expect(sent).toContain(`POST /internal/users/${EXAMPLE_UID}/llm-keys/anthropic/last-used`);
  });

  it('accepts any schema-valid body (dynamic=true)', async () => {
    const { app } = await orchestratorOnPrism(mocks, { users: { dynamic: true } });
    const res = await app.inject({ url: readiness, headers: internal });
    expect(res.statusCode).toBe(200);
    expect(Object.values(res.json().providers).every((v) => typeof v === 'boolean')).toBe(true);
    const direct = await users().getLlmKeys({ path: { uid: EXAMPLE_UID } }, { headers: preferDynamic('42') });
    expect(direct.ok).toBe(true);
  });
});

describe('every documented error status maps to its Result code', () => {
  it.each(documentedErrors(userServiceSpec, 'getLlmKeys'))('getLlmKeys %i → %s', async (status, code) => {
    const r = await users().getLlmKeys({ path: { uid: EXAMPLE_UID } }, { headers: preferCode(status) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: 'http', status, code, body: { error: expect.any(String) } });
  });

  it.each(
    documentedErrors(userServiceSpec, 'reportLlmKeyUsage'),
  )('reportLlmKeyUsage %i → %s', async (status, code) => {
    const path = { uid: EXAMPLE_UID, provider: 'anthropic' } as const;
    const r = await users().reportLlmKeyUsage({ path }, { headers: preferCode(status) });
    expect(r.ok ? undefined : r.error).toMatchObject({ kind: 'http', status, code });
  });

  it.each([
    [404, 200],
    [400, 502],
    [401, 502],
    [503, 502],
  ])('readiness when getLlmKeys answers %i: %i', async (status, expected) => {
    const { app } = await orchestratorOnPrism(mocks, { users: { code: status } });
    const res = await app.inject({ url: readiness, headers: internal });
    expect(res.statusCode).toBe(expected);
    if (expected === 200)
      expect(res.json().providers).toEqual({ google: false, openai: false, anthropic: false });
    else expect(res.json()).toMatchObject({ code: 'DOWNSTREAM_ERROR' });
  });
});

describe("requests the spec forbids are caught by Prism's validation", () => {
  it('no X-Internal-Auth: 401 UNAUTHORIZED', async () => {
    const anonymous = createUserServiceClient({ baseUrl: mocks.url('user-service') });
    const r = await anonymous.getLlmKeys({ path: { uid: EXAMPLE_UID } });
    expect(r.ok ? undefined : r.error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    if (!r.ok && r.error.kind === 'http') expect(prismViolations(r.error.headers)[0]?.code).toBe(401);
  });

  it('a uid off its pattern: 400 BAD_REQUEST naming the parameter', async () => {
    const r = await users().getLlmKeys({ path: { uid: 'not a uid!' } });
    expect(r.ok ? undefined : r.error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    if (!r.ok && r.error.kind === 'http')
      expect(prismViolations(r.error.headers)[0]?.location).toEqual(['request', 'path', 'uid']);
  });

  it('a provider outside the enum: 400 BAD_REQUEST', async () => {
    const path = { uid: EXAMPLE_UID, provider: 'mistral' as 'openai' };
    const r = await users().reportLlmKeyUsage({ path });
    expect(r.ok ? undefined : r.error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    if (!r.ok && r.error.kind === 'http') expect(prismViolations(r.error.headers)).not.toEqual([]);
  });
});
