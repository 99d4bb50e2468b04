import type { CallPolicy } from './call-policy.js';
import type { ResilienceOptions } from './resilience/resilience-options.js';
import type { BaseUrl } from './transport/origin-list.js';
import type { ReplicaOptions } from './transport/replica-options.js';
import type { Transport } from './transport/undici-transport.js';

/** A secret, or a function that returns one when a call is made (so rotated secrets are picked up). */
export type Credential = string | (() => string | Promise<string>);

/** Settings of one operation that a client or a call may override (the spec's `x-*` extensions are the base). */
export interface OperationSettings {
  /** Per-attempt timeout in ms (spec: `x-timeout-ms`). */
  timeoutMs?: number;
  /** Most attempts, 1–10 (spec: `x-retry.maxAttempts`). */
  maxAttempts?: number;
  /** Whether retries are safe (spec: `x-idempotent`; default by method). */
  idempotent?: boolean;
}

/** Options of a generated `create<Service>Client`; `Scheme` is the union of the spec's security scheme names. */
export interface ClientOptions<Scheme extends string = string> {
  /**
   * Base URL of the service, e.g. `http://127.0.0.1:3002`; or the base URLs of its replicas, as an array or
   * one comma-separated string (`http://127.0.0.1:3002,http://127.0.0.1:3012`), each http(s), all with the
   * same path prefix. Calls then balance over the replicas (power of two choices on in-flight calls), a
   * retry goes to another replica than the one that failed, and unhealthy replicas are ejected for a while
   * (see `replicas`). Required.
   */
  baseUrl: BaseUrl;
  /**
   * Ejection of unhealthy replicas when `baseUrl` lists several. Default: 3 consecutive failures eject a
   * replica for 1 s, doubled per re-ejection up to 30 s, never more than half of them at once.
   */
  replicas?: ReplicaOptions;
  /** Credentials per security scheme, e.g. `{ InternalAuth: process.env.INTEXURAOS_INTERNAL_AUTH_TOKEN }`. */
  credentials?: Partial<Record<Scheme, Credential>>;
  /** Per-attempt timeout in ms for operations without `x-timeout-ms`. Default 5000. */
  timeoutMs?: number;
  /** Most attempts for idempotent operations without `x-retry`. Default 3. */
  maxAttempts?: number;
  /** Overrides per operationId, on top of the spec's extensions. */
  operations?: Readonly<Record<string, OperationSettings>>;
  /** Headers sent on every call (after the ones the client injects). */
  headers?: Record<string, string>;
  /**
   * Retry, circuit breaker, bulkhead and deadline settings of this client's own resilient policy (see
   * README "Resilience"); `false` for a single attempt with only the timeout and deadline. Default `{}`.
   */
  resilience?: ResilienceOptions | false;
  /** A policy to use instead, e.g. one resilient policy shared by several clients of the same downstream. */
  policy?: CallPolicy;
  /**
   * Pooled transport to send on. Default: the process-wide one (`defaultTransport()`), shared by every client
   * of the process; give your own `createTransport({...})` for other pool settings.
   */
  transport?: Transport;
  /**
   * Fetch implementation to send through openapi-fetch's own pipeline instead of the pooled transport (for
   * example the global `fetch`, or a test double). Not together with `transport`.
   */
  fetch?: (request: Request) => Promise<Response>;
  /** Request class matching `fetch`. Default: the transport's lightweight request. */
  Request?: typeof Request;
  /**
   * Most bytes a call reads from a binary body given as a stream before sending it (it is read whole, so that a
   * retry can send it again); a longer stream fails the call with a RangeError's message. Default 64 MiB.
   */
  maxBufferedBodyBytes?: number;
}

/** Options of one call; each overrides the client's and the spec's. */
export interface CallOptions<Scheme extends string = string> extends OperationSettings {
  /** Aborts the call. */
  signal?: AbortSignal;
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

/** Default most attempts of an idempotent call. */
export const DEFAULT_MAX_ATTEMPTS = 3;
