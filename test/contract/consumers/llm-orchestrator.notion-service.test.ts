// llm-orchestrator as a consumer of notion-service (getNotionContext), against Prism mocks.
import { describe, expect, it } from 'vitest';
import { createNotionServiceClient, notionServiceSpec } from '../../../generated/notion-service/client.js';
import { preferCode, preferExample, prismViolations, usePrism } from '../../helpers/prism.js';
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
const notion = () => createNotionServiceClient({ baseUrl: mocks.url('notion-service'), credentials });
const readiness = `/internal/llm/users/${EXAMPLE_UID}/readiness`;

describe('happy path from the examples', () => {
  it('the "connected" example: readiness reports Notion connected and asks for the right user', async () => {
    const { app, sent } = await orchestratorOnPrism(mocks);
    const res = await app.inject({ url: readiness, headers: internal });
    expect(res.json()).toMatchObject({ notionConnected: true, degraded: [] });
    expect(sent).toContain(`GET /internal/notion/users/${EXAMPLE_UID}/context`);
  });

  it('the "connected" example: a prompt is answered with Notion context', async () => {
    const { app } = await orchestratorOnPrism(mocks, { notion: { example: 'connected' } });
    const res = await app.inject({
      method: 'POST',
      url: '/llm/prompts',
      headers: bearer,
      payload: { prompt: 'Hi' },
    });
    expect(res.json()).toMatchObject({
      answer: '[anthropic] with Notion context: Hi',
      usedNotionContext: true,
    });
  });

  it('the "disconnected" example: not connected, and not degraded either', async () => {
    const { app } = await orchestratorOnPrism(mocks, { notion: { example: 'disconnected' } });
    const res = await app.inject({ url: readiness, headers: internal });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ notionConnected: false, degraded: [] });
  });

  it('the client reads both examples as the NotionContext union', async () => {
    const path = { userId: EXAMPLE_UID };
    const connected = await notion().getNotionContext({ path }, { headers: preferExample('connected') });
    const disconnected = await notion().getNotionContext(
      { path },
      { headers: preferExample('disconnected') },
    );
    expect(connected.ok && connected.value).toEqual({
      connected: true,
      token: 'secret_3xAmPl3NotionIntegrationToken0000000000',
    });
    expect(disconnected.ok && disconnected.value).toEqual({ connected: false, token: null });
  });
});

describe('every documented error status maps to its Result code', () => {
  it.each(
    documentedErrors(notionServiceSpec, 'getNotionContext'),
  )('getNotionContext %i → %s', async (status, code) => {
    const r = await notion().getNotionContext(
      { path: { userId: EXAMPLE_UID } },
      { headers: preferCode(status) },
    );
    expect(r.ok ? undefined : r.error).toMatchObject({
      kind: 'http',
      status,
      code,
      body: { error: expect.any(String) },
    });
  });

  it.each(
    documentedErrors(notionServiceSpec, 'getNotionContext'),
  )('notion-service answering %i only degrades readiness', async (status) => {
    const { app } = await orchestratorOnPrism(mocks, { notion: { code: status } });
    const res = await app.inject({ url: readiness, headers: internal });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ notionConnected: false, degraded: ['notion-service'] });
  });
});

describe("requests the spec forbids are caught by Prism's validation", () => {
  it('no X-Internal-Auth: 401 UNAUTHORIZED', async () => {
    const anonymous = createNotionServiceClient({ baseUrl: mocks.url('notion-service') });
    const r = await anonymous.getNotionContext({ path: { userId: EXAMPLE_UID } });
    expect(r.ok ? undefined : r.error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    if (!r.ok && r.error.kind === 'http') expect(prismViolations(r.error.headers)[0]?.code).toBe(401);
  });

  it('a userId longer than its maxLength: 400 BAD_REQUEST', async () => {
    const r = await notion().getNotionContext({ path: { userId: 'u'.repeat(129) } });
    expect(r.ok ? undefined : r.error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    if (!r.ok && r.error.kind === 'http')
      expect(prismViolations(r.error.headers)[0]?.location).toEqual([
        'request',
        'path',
        expect.stringMatching(/^userId$/i), // Prism lower-cases parameter names here
      ]);
  });
});
