/**
 * The three clients the `client` suite loads the upstream with, all calling
 * `GET /internal/notion/users/{userId}/context` with the internal token and reading the JSON body: the full
 * generated Switchboard client with its defaults, raw `undici.request` on its own Agent, and plain
 * openapi-fetch on global fetch. Each `call` rejects unless the answer is 200 with a body.
 */
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import createClient from 'openapi-fetch';
import { Agent, request } from 'undici';
import { createNotionServiceClient } from '../../generated/notion-service/client.js';
import type { paths } from '../../generated/notion-service/types.js';
import type { Observability, Pipeline } from '../observed/observability.js';
import { REQUEST_PATH, USER_ID } from './upstream-messages.js';

/** The variants, in the order the suite measures them. */
export const VARIANTS = [
  'undici_request',
  'switchboard',
  'openapi_fetch',
  'switchboard_observed',
  'openapi_fetch_otel',
] as const;
export type Variant = (typeof VARIANTS)[number];

/** What each variant is, for the result rows. */
export const STACKS: Readonly<Record<Variant, string>> = {
  undici_request: 'undici 7.16.0 request() on its own Agent, body read with .json()',
  switchboard:
    'createNotionServiceClient defaults: auth, correlation, deadline, retry, breaker, bulkhead, timeout, pooled undici',
  openapi_fetch: 'openapi-fetch 0.17.0 createClient<paths> on global fetch, GET()',
  switchboard_observed:
    'switchboard, with the OpenTelemetry SDK on: every span sampled, batch-exported over OTLP/HTTP to a loopback sink; metrics on',
  openapi_fetch_otel:
    'openapi_fetch with @opentelemetry/instrumentation-undici 0.32.0 (a span and metrics per request), on the SDK set up the usual way (BatchSpanProcessor + OTLP/HTTP exporter)',
};

/** A client ready to load the upstream. */
export interface VariantClient {
  /** One request; resolves to the parsed body, rejects on anything but a 200 with a body. */
  call(): Promise<unknown>;
  /** Releases what the variant owns (its own connection pool, if any). */
  close(): Promise<void>;
  /** Switches on what the variant needs around each measurement (the SDK of the observed variants). */
  before?(): void;
  /** Switches it off again, so that no other variant is observed. */
  after?(): void;
}

const HEADER = 'x-internal-auth';

/**
 * Builds `variant` against `baseUrl`, sending `token` as the internal auth secret; the observed variants
 * register their SDK (Switchboard's pipeline for Switchboard, the SDK's usual one for the peer) only while
 * they are measured.
 */
export function createVariant(
  variant: Variant,
  baseUrl: string,
  token: string,
  observability: Readonly<Record<Pipeline, Observability>>,
): VariantClient {
  switch (variant) {
    case 'switchboard_observed':
      return observed(switchboard(baseUrl, token), observability.switchboard);
    case 'openapi_fetch_otel':
      return withUndiciInstrumentation(openapiFetch(baseUrl, token), observability.sdk);
    case 'undici_request':
      return rawUndici(baseUrl, token);
    case 'switchboard':
      return switchboard(baseUrl, token);
    case 'openapi_fetch':
      return openapiFetch(baseUrl, token);
  }
}

function rawUndici(baseUrl: string, token: string): VariantClient {
  const agent = new Agent();
  const url = `${baseUrl}${REQUEST_PATH}`;
  const headers = { [HEADER]: token };
  return {
    call: async () => {
      const res = await request(url, { method: 'GET', headers, dispatcher: agent });
      const body = await res.body.json();
      if (res.statusCode !== 200) throw new Error(`undici_request: HTTP ${res.statusCode}`);
      return body;
    },
    close: () => agent.close(),
  };
}

function switchboard(baseUrl: string, token: string): VariantClient {
  const client = createNotionServiceClient({ baseUrl, credentials: { InternalAuth: token } });
  const input = { path: { userId: USER_ID } };
  return {
    call: async () => {
      const result = await client.getNotionContext(input);
      if (!result.ok) throw new Error(`switchboard: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    // Uses the process-wide default transport, which other clients share: left open (its idle sockets are
    // unreferenced and the upstream closes them when it stops).
    close: async () => {},
  };
}

function openapiFetch(baseUrl: string, token: string): VariantClient {
  const client = createClient<paths>({ baseUrl, headers: { [HEADER]: token } });
  const params = { path: { userId: USER_ID } };
  return {
    call: async () => {
      const { data, response } = await client.GET('/internal/notion/users/{userId}/context', { params });
      if (response.status !== 200 || data === undefined)
        throw new Error(`openapi_fetch: HTTP ${response.status}`);
      return data;
    },
    close: async () => {},
  };
}

function observed(client: VariantClient, observability: Observability): VariantClient {
  return { ...client, before: () => observability.enable(), after: () => observability.disable() };
}

/** The usual way to observe a fetch client: the undici instrumentation on the SDK, enabled only around runs. */
function withUndiciInstrumentation(client: VariantClient, observability: Observability): VariantClient {
  // Made enabled (it instruments only while its config says so) and switched off until measured.
  const instrumentation = new UndiciInstrumentation();
  instrumentation.disable();
  instrumentation.setTracerProvider(observability.tracerProvider);
  instrumentation.setMeterProvider(observability.meterProvider);
  return {
    ...client,
    before: () => {
      observability.enable();
      instrumentation.enable();
    },
    after: () => {
      instrumentation.disable();
      observability.disable();
    },
  };
}
