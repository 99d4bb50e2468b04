import type { FastifyInstance } from 'fastify';
import { onTestFinished } from 'vitest';
import { type PrismScenario, prefer } from '../../../lib/contract/prism/index.js';
import { buildOrchestratorApp } from '../../../services/llm-orchestrator/app.js';
import { readOrchestratorConfig } from '../../../services/llm-orchestrator/config.js';
import { createDownstreamClients } from '../../../services/llm-orchestrator/downstream-clients.js';
import type { PrismMocks } from '../../helpers/prism.js';
import { type RelayedRequest, startRelay } from './recording-relay.js';

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

/** A request llm-orchestrator sent to one of its downstreams, as the relay in front of its mock saw it. */
export interface DownstreamRequest extends RelayedRequest {
  service: OrchestratorDownstream;
}

/** Where nothing listens: the LLM provider, which no operation tested against Prism calls. */
const NO_LLM_PROVIDER = 'http://127.0.0.1:9';

/**
 * Builds llm-orchestrator with the downstream clients it runs with (`createDownstreamClients` from its config,
 * as main.ts does: the pooled undici transport, the resilient policies, the internal token as credential),
 * its downstream URLs pointing at recording relays in front of the Prism mocks. Each relay adds its
 * scenario's `Prefer` header. `sent` lists every downstream request (`METHOD /path`) in order, `requests`
 * the same with their headers. The app and the relays are closed when the test finishes.
 */
export async function orchestratorOnPrism(
  mocks: PrismMocks<OrchestratorDownstream>,
  scenarios: OrchestratorScenarios = {},
): Promise<{ app: FastifyInstance; sent: string[]; requests: DownstreamRequest[] }> {
  const sent: string[] = [];
  const requests: DownstreamRequest[] = [];
  const relay = (service: OrchestratorDownstream, scenario: PrismScenario | undefined) =>
    startRelay(mocks.url(service), prefer(scenario ?? {}), (request) => {
      sent.push(`${request.method} ${new URL(request.path, 'http://relay').pathname}`);
      requests.push({ service, ...request });
    });
  const relays = await Promise.all([
    relay('user-service', scenarios.users),
    relay('notion-service', scenarios.notion),
    relay('auth-service', scenarios.auth),
  ]);
  const [users, notion, auth] = relays;
  let app: FastifyInstance | undefined;
  onTestFinished(async () => {
    await app?.close();
    await Promise.all(relays.map((r) => r.close()));
  });
  const config = readOrchestratorConfig({
    INTEXURAOS_INTERNAL_AUTH_TOKEN: INTERNAL_TOKEN,
    AUTH_SERVICE_URL: auth.url,
    INTEXURAOS_USER_SERVICE_URL: users.url,
    INTEXURAOS_NOTION_SERVICE_URL: notion.url,
    // The streaming operation is tested over real HTTP against the loopback provider (test/integration).
    LLM_PROVIDER_URL: NO_LLM_PROVIDER,
  });
  app = await buildOrchestratorApp({
    ...createDownstreamClients(config),
    internalTokens: config.internalTokens,
    logger: false,
  });
  return { app, sent, requests };
}
