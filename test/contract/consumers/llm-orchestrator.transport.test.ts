// llm-orchestrator's downstream calls as they leave the process: on the clients its main.ts builds (pooled
// undici transport, resilient policies, credentials from its config), seen by relays in front of Prism.
import { describe, expect, it } from 'vitest';
import { usePrism } from '../../helpers/prism.js';
import {
  bearer,
  EXAMPLE_UID,
  INTERNAL_TOKEN,
  internal,
  ORCHESTRATOR_DOWNSTREAMS,
  orchestratorOnPrism,
} from './orchestrator-on-prism.js';

const mocks = usePrism(ORCHESTRATOR_DOWNSTREAMS);
const prompt = { method: 'POST', url: '/llm/prompts', payload: { prompt: 'Hi' } } as const;
const readiness = `/internal/llm/users/${EXAMPLE_UID}/readiness`;

describe('the transport llm-orchestrator runs on', () => {
  it('sends every downstream call with the correlation ID, the remaining deadline and the internal token of its config', async () => {
    const { app, requests } = await orchestratorOnPrism(mocks);
    const res = await app.inject({
      ...prompt,
      headers: { ...bearer, 'x-correlation-id': 'corr-transport-1', 'x-deadline-ms': '5000' },
    });
    expect(res.statusCode).toBe(200);
    expect(requests.map((r) => `${r.service} ${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'auth-service POST /auth/verify',
        `user-service GET /internal/users/${EXAMPLE_UID}/llm-keys`,
        `notion-service GET /internal/notion/users/${EXAMPLE_UID}/context`,
        `user-service POST /internal/users/${EXAMPLE_UID}/llm-keys/anthropic/last-used`,
      ]),
    );
    expect(requests).toHaveLength(4);
    for (const { service, headers } of requests) {
      expect(headers['x-correlation-id']).toBe('corr-transport-1');
      // What is left of the caller's 5 s (not the 30 s default), in whole ms.
      expect(Number(headers['x-deadline-ms'])).toBeGreaterThan(0);
      expect(Number(headers['x-deadline-ms'])).toBeLessThanOrEqual(5000);
      expect(headers['x-internal-auth']).toBe(service === 'auth-service' ? undefined : INTERNAL_TOKEN);
      // undici's pooled `request` adds none of the headers the global fetch adds to every request.
      expect(headers).not.toHaveProperty('user-agent');
      expect(headers).not.toHaveProperty('sec-fetch-mode');
      expect(headers).not.toHaveProperty('accept-language');
      expect(headers.connection).toBe('keep-alive');
    }
  });

  it("opens the Bearer verifier's breaker after 3 failed attempts: later prompts get 503 without a request", async () => {
    const { app, requests } = await orchestratorOnPrism(mocks, { auth: { code: 503 } });
    const first = await app.inject({ ...prompt, headers: bearer });
    expect(first.statusCode).toBe(503);
    expect(first.json()).toMatchObject({ code: 'AUTH_UNAVAILABLE' });
    // verifyToken is idempotent: one prompt makes 3 attempts, the breaker's threshold.
    expect(requests.map((r) => r.path)).toEqual(['/auth/verify', '/auth/verify', '/auth/verify']);
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({ ...prompt, headers: bearer });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'AUTH_UNAVAILABLE' });
    }
    expect(requests).toHaveLength(3);
  });

  it('retries an idempotent read that failed with 503, up to 3 attempts, before readiness gives up with 502', async () => {
    const { app, sent } = await orchestratorOnPrism(mocks, { users: { code: 503 } });
    const res = await app.inject({ url: readiness, headers: internal });
    expect(res.statusCode).toBe(502);
    expect(sent.filter((s) => s === `GET /internal/users/${EXAMPLE_UID}/llm-keys`)).toHaveLength(3);
  });
});
