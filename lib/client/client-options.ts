import type { CallPolicy } from './call-policy.js';

/** A secret, or a function that returns one when a call is made (so rotated secrets are picked up). */
export type Credential = string | (() => string | Promise<string>);

/** Options of a generated `create<Service>Client`; `Scheme` is the union of the spec's security scheme names. */
export interface ClientOptions<Scheme extends string = string> {
  /** Base URL of the service, e.g. `http://127.0.0.1:3002`. Required; must be http(s). */
  baseUrl: string;
  /** Credentials per security scheme, e.g. `{ InternalAuth: process.env.INTEXURAOS_INTERNAL_AUTH_TOKEN }`. */
  credentials?: Partial<Record<Scheme, Credential>>;
  /** Per-attempt timeout in ms when neither the call nor the spec's `x-timeout-ms` sets one. Default 5000. */
  timeoutMs?: number;
  /** Headers sent on every call (after the ones the client injects). */
  headers?: Record<string, string>;
  /** Resilience policy wrapping every attempt. Default: one attempt with the timeout and deadline applied. */
  policy?: CallPolicy;
  /** Fetch implementation (tests inject one). Default: `globalThis.fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** Request class matching `fetch`. Default: `globalThis.Request`. */
  Request?: typeof Request;
}

/** Options of one call; each overrides the client's. */
export interface CallOptions<Scheme extends string = string> {
  /** Aborts the call. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms for this call. */
  timeoutMs?: number;
  /** Absolute deadline for the whole call (epoch ms or Date); the sooner of this and the inbound request's wins. */
  deadline?: number | Date;
  /** Correlation ID to send instead of the current request's (or a fresh one). */
  correlationId?: string;
  /** Extra headers for this call, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  /** Credentials for this call only, e.g. the end user's Bearer token. */
  credentials?: Partial<Record<Scheme, Credential>>;
}

/** Default per-attempt timeout in ms. */
export const DEFAULT_TIMEOUT_MS = 5000;
