import type { FastifyInstance } from 'fastify';
import { onTestFinished } from 'vitest';
import { createAuthServiceClient } from '../../../generated/auth-service/client.js';
import { createFakeLlmProviderClient } from '../../../generated/llm-provider/fake.js';
import { createNotionServiceClient } from '../../../generated/notion-service/client.js';
import { createUserServiceClient } from '../../../generated/user-service/client.js';
import { type PrismScenario, prefer } from '../../../lib/contract/prism/index.js';
import { buildOrchestratorApp } from '../../../services/llm-orchestrator/app.js';
import type { PrismMocks } from '../../helpers/prism.js';

/** The downstreams of llm-orchestrator, each mocked by Prism. */
export const ORCHESTRATOR_DOWNSTREAMS = ['user-service', 'notion-service', 'auth-service'] as const;
export type OrchestratorDownstream = (typeof ORCHESTRATOR_DOWNSTREAMS)[number];

/** The token llm-orchestrator accepts on its internal routes, and headers that carry it. */
export const INTERNAL_TOKEN = 'C0ntract-test-internal-token-0123456789abcdef';
export const internal = { 'x-internal-auth': INTERNAL_TOKEN };
/** A user's bearer token; the auth-service mock verifies any token as its example user. */
export const bearer = { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfN2YzYTljIn0.c2ln' };
/** The user of the specs' examples (auth-service's verified token, user-service's `Uid`). */
export const EXAMPLE_UID = 'usr_7f3a9c';
/** What Prism's security check accepts: any value of the X-Internal-Auth header. */
export const credentials = { InternalAuth: 'any-value-satisfies-the-prism-mock' };

/** The Prism scenario each downstream plays for one test; absent means the first documented 2xx example. */
export interface OrchestratorScenarios {
  users?: PrismScenario;
  notion?: PrismScenario;
  auth?: PrismScenario;
}

/**
 * Builds llm-orchestrator with real generated clients pointing at the Prism mocks, each sending its
 * scenario's `Prefer` header. `sent` lists every downstream request (`METHOD /path`) in order. The app is
 * closed when the test finishes.
 */
export async function orchestratorOnPrism(
  mocks: PrismMocks<OrchestratorDownstream>,
  scenarios: OrchestratorScenarios = {},
): Promise<{ app: FastifyInstance; sent: string[] }> {
  const sent: string[] = [];
  const fetch = (request: Request) => {
    sent.push(`${request.method} ${new URL(request.url).pathname}`);
    return globalThis.fetch(request);
  };
  const app = await buildOrchestratorApp({
    users: createUserServiceClient({
      baseUrl: mocks.url('user-service'),
      credentials,
      headers: prefer(scenarios.users ?? {}),
      fetch,
    }),
    notion: createNotionServiceClient({
      baseUrl: mocks.url('notion-service'),
      credentials,
      headers: prefer(scenarios.notion ?? {}),
      fetch,
    }),
    auth: createAuthServiceClient({
      baseUrl: mocks.url('auth-service'),
      headers: prefer(scenarios.auth ?? {}),
      fetch,
    }),
    // The streaming operation is tested over real HTTP against the loopback provider (test/integration).
    llm: createFakeLlmProviderClient(),
    internalTokens: [INTERNAL_TOKEN],
    logger: false,
  });
  onTestFinished(() => app.close());
  return { app, sent };
}
