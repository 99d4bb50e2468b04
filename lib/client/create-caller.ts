import createClient from 'openapi-fetch';
import { currentContext } from '../context/request-context.js';
import { callFailure, failureFromUnknown } from './call-failure.js';
import {
  type AttemptContext,
  type AttemptOutcome,
  type CallPolicy,
  singleAttemptPolicy,
} from './call-policy.js';
import { checkClientOptions } from './check-client-options.js';
import {
  type CallOptions,
  type ClientOptions,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_TIMEOUT_MS,
} from './client-options.js';
import { codeForStatus } from './error-code.js';
import { DEADLINE_HEADER, outboundHeaders } from './outbound-headers.js';
import { createResilientPolicy } from './resilience/resilient-policy.js';
import type { Failure } from './result.js';
import type { OperationSpec, ServiceSpec } from './service-spec.js';
import { LightRequest } from './transport/light-request.js';
import { defaultTransport } from './transport/undici-transport.js';

/** The parts of a call's input, as generated `<Operation>Input` types shape them. */
export interface CallInput {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  body?: unknown;
}

/** Calls one operation by id; what every generated client method delegates to. */
export type Caller = (
  operationId: string,
  input: CallInput | undefined,
  options: CallOptions | undefined,
) => Promise<unknown>;

interface Outcome extends AttemptOutcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Builds the runtime behind a generated client: openapi-fetch serializes the request over the pooled undici
 * transport, `outboundHeaders` adds auth, correlation and trace headers, the resilient policy runs the
 * attempts, and the response becomes a Result. Options are checked here, once; misuse (a bad base URL, a
 * timeout not below the deadline, an unknown operation) throws, nothing else does.
 */
export function createCaller(spec: ServiceSpec, options: ClientOptions): Caller {
  const { baseUrl, origin } = checkClientOptions(spec, options);
  const transport = options.fetch === undefined ? defaultTransport() : undefined;
  const core = createClient({
    baseUrl,
    fetch: options.fetch ?? transport?.fetch,
    Request: options.Request ?? transport?.Request,
  } as Parameters<typeof createClient>[0]);
  const lightSignal = (options.Request ?? transport?.Request) === LightRequest;
  const policy: CallPolicy =
    options.policy ??
    (options.resilience === false ? singleAttemptPolicy : createResilientPolicy(options.resilience ?? {}));
  return async (operationId, input = {}, call = {}) => {
    const op = spec.operations[operationId];
    if (op === undefined) throw new TypeError(`${spec.name} has no operation '${operationId}'`);
    const context = attemptContext(spec, op, operationId, origin, options, call);
    if (lightSignal) context.lightSignal = true;
    let attempts = 0;
    try {
      const headers = await outboundHeaders(spec, op, options, call);
      // openapi-fetch sends bodies as JSON; a text/* request body goes as the string itself.
      if (op.requestBody === 'text') headers['content-type'] = 'text/plain';
      const outcome = await policy.execute(context, (signal) => {
        attempts++;
        if (context.deadline !== undefined)
          headers[DEADLINE_HEADER] = String(Math.max(1, context.deadline - Date.now()));
        return core.request(
          op.method,
          op.path as never,
          {
            params: { path: input.path, query: input.query, header: input.headers },
            body: input.body,
            headers,
            signal,
            parseAs: op.parseAs,
            ...(op.requestBody === 'text' ? { bodySerializer: String } : {}),
          } as never,
        ) as Promise<Outcome>;
      });
      return toResult(op, operationId, outcome, attempts);
    } catch (error) {
      const failure = failureFromUnknown(error, operationId);
      return { ok: false, error: { ...failure, attempts: Math.max(1, attempts) } } satisfies Failure<unknown>;
    }
  };
}

/** Resolves per-call settings: call, then client per operation, then the spec's extensions, then client defaults. */
function attemptContext(
  spec: ServiceSpec,
  op: OperationSpec,
  operationId: string,
  origin: string,
  options: ClientOptions,
  call: CallOptions,
): AttemptContext {
  const perOp = options.operations?.[operationId];
  const inbound = currentContext();
  const own = call.deadline === undefined ? undefined : +call.deadline;
  const deadline =
    own === undefined
      ? inbound?.deadline
      : inbound?.deadline === undefined
        ? own
        : Math.min(own, inbound.deadline);
  const idempotent =
    call.idempotent ?? perOp?.idempotent ?? (op.idempotent || hasIdempotencyKey(call.headers));
  return {
    service: spec.name,
    operationId,
    method: op.method,
    origin,
    idempotent,
    timeoutMs: call.timeoutMs ?? perOp?.timeoutMs ?? op.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxAttempts:
      call.maxAttempts ??
      perOp?.maxAttempts ??
      op.retry?.maxAttempts ??
      options.maxAttempts ??
      DEFAULT_MAX_ATTEMPTS,
    deadline,
    signal: call.signal ?? inbound?.signal,
    ...(op.retry?.baseDelayMs === undefined && op.retry?.maxDelayMs === undefined
      ? {}
      : { retryDelays: op.retry }),
  };
}

function hasIdempotencyKey(headers: Record<string, string> | undefined): boolean {
  return headers !== undefined && Object.keys(headers).some((h) => h.toLowerCase() === 'idempotency-key');
}

function toResult(op: OperationSpec, operationId: string, outcome: Outcome, attempts: number): unknown {
  const { response } = outcome;
  const status = response.status;
  // `default` covers error statuses only: the generated Result types have no success for it.
  const documented = op.statuses.includes(status) || (op.hasDefault && !response.ok);
  if (response.ok && documented) return { ok: true, status, value: outcome.data, headers: response.headers };
  const body = response.ok ? outcome.data : outcome.error;
  const code = response.ok ? 'INVALID_RESPONSE' : codeForStatus(status);
  const message = `${operationId}: HTTP ${status}${messageOf(body)}`;
  if (!documented) {
    return {
      ok: false,
      error: callFailure('undocumented', code, `${message} (status not in the spec)`, {
        operationId,
        attempts,
        httpStatus: status,
        body,
      }),
    };
  }
  return {
    ok: false,
    error: { kind: 'http', status, code, message, body, headers: response.headers, attempts, operationId },
  };
}

function messageOf(body: unknown): string {
  const text = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return typeof text === 'string' ? `: ${text.slice(0, 200)}` : '';
}
