// llm-orchestrator as a consumer of auth-service (verifyToken, through the Bearer authenticator on
// `POST /llm/prompts`), against Prism mocks.
import { describe, expect, it } from 'vitest';
import { authServiceSpec, createAuthServiceClient } from '../../../generated/auth-service/client.js';
import { preferCode, preferExample, prismViolations, usePrism } from '../../helpers/prism.js';
import { documentedErrors } from './documented-errors.js';
import {
  bearer,
  EXAMPLE_UID,
  ORCHESTRATOR_DOWNSTREAMS,
  orchestratorOnPrism,
} from './orchestrator-on-prism.js';

const mocks = usePrism(ORCHESTRATOR_DOWNSTREAMS);
const auth = () => createAuthServiceClient({ baseUrl: mocks.url('auth-service') });
const prompt = { method: 'POST', url: '/llm/prompts', headers: bearer, payload: { prompt: 'Hi' } } as const;

describe('happy path from the examples', () => {
  it("the verified token's example user is the one whose keys are fetched and whose usage is reported", async () => {
    const { app, sent } = await orchestratorOnPrism(mocks);
    const res = await app.inject(prompt);
    expect(res.statusCode).toBe(200);
    expect(sent).toEqual(
      expect.arrayContaining([
        'POST /auth/verify',
        `GET /internal/users/${EXAMPLE_UID}/llm-keys`,
        `POST /internal/users/${EXAMPLE_UID}/llm-keys/anthropic/last-used`,
      ]),
    );
    expect(sent[0]).toBe('POST /auth/verify');
  });

  it('the client reads the example verdict', async () => {
    const r = await auth().verifyToken({ body: { token: 'a.b.c' } });
    expect(r.ok && r.value).toEqual({
      valid: true,
      userId: EXAMPLE_UID,
      email: 'ada@example.com',
      tenantId: 'tnt_acme',
    });
  });
});

describe('every documented error status maps to its Result code', () => {
  it.each(documentedErrors(authServiceSpec, 'verifyToken'))('verifyToken %i → %s', async (status, code) => {
    const r = await auth().verifyToken({ body: { token: 'a.b.c' } }, { headers: preferCode(status) });
    expect(r.ok ? undefined : r.error).toMatchObject({
      kind: 'http',
      status,
      code,
      body: { error: expect.any(String) },
    });
  });

  it.each([
    'invalid',
    'expired',
    'revoked',
  ])('a 401 "%s" token: the prompt is refused with 401', async (example) => {
    const { app, sent } = await orchestratorOnPrism(mocks, { auth: { code: 401, example } });
    const res = await app.inject(prompt);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'Unauthorized' });
    expect(sent).toEqual(['POST /auth/verify']);
  });

  it.each([
    [400, 401],
    [503, 503],
  ])('auth-service answering %i: the prompt gets %i', async (status, expected) => {
    const { app } = await orchestratorOnPrism(mocks, { auth: { code: status } });
    const res = await app.inject(prompt);
    expect(res.statusCode).toBe(expected);
    if (expected === 503) expect(res.json()).toMatchObject({ code: 'AUTH_UNAVAILABLE' });
  });

  it('the 401 examples narrow to their codes', async () => {
    const r = await auth().verifyToken(
      { body: { token: 'a.b.c' } },
      { headers: preferExample('revoked', 401) },
    );
    expect(!r.ok && r.error.status === 401 && r.error.body.code).toBe('TOKEN_REVOKED');
  });
});

describe("requests the spec forbids are caught by Prism's validation", () => {
  it('an empty token (minLength 1): 400 BAD_REQUEST', async () => {
    const r = await auth().verifyToken({ body: { token: '' } });
    expect(r.ok ? undefined : r.error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    if (!r.ok && r.error.kind === 'http')
      expect(prismViolations(r.error.headers)[0]?.location).toEqual(['request', 'body', 'token']);
  });

  it('a body without the required token: 400 BAD_REQUEST', async () => {
    const r = await auth().verifyToken({ body: {} as { token: string } });
    expect(r.ok ? undefined : r.error).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    if (!r.ok && r.error.kind === 'http') expect(prismViolations(r.error.headers)).not.toEqual([]);
  });
});
