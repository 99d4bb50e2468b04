import type { BearerSource } from './bearer-source.js';
import type { Credentials } from './credentials.js';
import type { ExtraCase } from './request-case.js';
import type { OperationReport } from './verify-report.js';

/** Default number of cases per operation (auth checks come on top). */
export const DEFAULT_CASES = 200;
/** Default number of requests in flight at once. */
export const DEFAULT_CONCURRENCY = 16;
/** Default wait for each answer, in ms. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Default number of violations kept per operation (all are counted). */
export const DEFAULT_MAX_VIOLATIONS = 20;

/** Options of `verifyProvider`. */
export interface VerifyOptions {
  /** Path of the provider's OpenAPI 3.x spec (its `$ref`s to sibling files are followed). */
  spec: string;
  /** Where the provider listens, e.g. `http://127.0.0.1:3002`. */
  baseUrl: string;
  /** Credentials by security scheme name; they win over `token` and `bearer`. */
  credentials?: Credentials;
  /** The value for every `apiKey` scheme (e.g. `InternalAuth`'s X-Internal-Auth) without a credential. */
  token?: string;
  /** The token for every HTTP `bearer` scheme without a credential. */
  bearer?: string;
  /**
   * Where to get that token when `bearer` is not given: a command's output or a POST that mints one. It is
   * obtained once per run, and only when a verified operation needs it. Default: none (such operations get
   * only the cases without credentials, and a note).
   */
  bearerSource?: BearerSource;
  /** Cases per operation: examples, extras, then half valid and half invalid. Default 200. */
  cases?: number;
  /** Seed of every generated request; the report names it so a run can be replayed. Default: random. */
  seed?: string | number;
  /** Requests in flight at once. Default 16. */
  concurrency?: number;
  /** Longest wait for an answer, in ms; a slower one is a violation. Default 10000. */
  timeoutMs?: number;
  /** Only these operationIds (all when absent). */
  operations?: readonly string[];
  /** Hand-written requests per operationId, sent as well (to reach states generation cannot). */
  extraCases?: Readonly<Record<string, readonly ExtraCase[]>>;
  /** Violations kept per operation in the report (all are counted). Default 20. */
  maxViolationsPerOperation?: number;
  /** Called when an operation is done, in spec order. */
  onOperation?: (report: OperationReport) => void;
}
