import createClient from 'openapi-fetch';
import { currentContext } from '../context/request-context.js';
import { callFailure, failureFromUnknown } from './call-failure.js';
import { singleAttemptPolicy } from './call-policy.js';
import { type CallOptions, type ClientOptions, DEFAULT_TIMEOUT_MS } from './client-options.js';
import { codeForStatus } from './error-code.js';
import { DEADLINE_HEADER, outboundHeaders } from './outbound-headers.js';
import type { Failure } from './result.js';
import type { OperationSpec, ServiceSpec } from './service-spec.js';

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

interface Outcome {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Builds the runtime behind a generated client: openapi-fetch serializes the request, `outboundHeaders`
 * adds auth, correlation and trace headers, the policy runs the attempts, and the response becomes a
 * Result. Throws only for misuse (a bad base URL, an unknown operation).
 */
export function createCaller(spec: ServiceSpec, options: ClientOptions): Caller {
  const baseUrl = checkBaseUrl(spec.name, options.baseUrl);
  const core = createClient({
    baseUrl,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.Request === undefined ? {} : { Request: options.Request }),
  });
  const policy = options.policy ?? singleAttemptPolicy;
  return async (operationId, input = {}, call = {}) => {
    const op = spec.operations[operationId];
    if (op === undefined) throw new TypeError(`${spec.name} has no operation '${operationId}'`);
    const inbound = currentContext();
    const deadline = earliest(call.deadline === undefined ? undefined : +call.deadline, inbound?.deadline);
    const timeoutMs = call.timeoutMs ?? op.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let attempts = 0;
    try {
      const headers = await outboundHeaders(spec, op, options, call);
      // openapi-fetch sends bodies as JSON; a text/* request body goes as the string itself.
      if (op.requestBody === 'text') headers['content-type'] = 'text/plain';
      const signal = call.signal ?? inbound?.signal;
      const context = {
        service: spec.name,
        operationId,
        method: op.method,
        idempotent: op.idempotent,
        timeoutMs,
        deadline,
        signal,
      };
      const outcome = await policy.execute(context, (attemptSignal) => {
        attempts++;
        if (deadline !== undefined) headers[DEADLINE_HEADER] = String(Math.max(1, deadline - Date.now()));
        return core.request(
          op.method,
          op.path as never,
          {
            params: { path: input.path, query: input.query, header: input.headers },
            body: input.body,
            headers,
            signal: attemptSignal,
            parseAs: op.parseAs,
            ...(op.requestBody === 'text' ? { bodySerializer: String } : {}),
          } as never,
        ) as Promise<Outcome>;
      });
      return toResult(op, operationId, outcome, attempts);
    } catch (error) {
      const failure = failureFromUnknown(error, operationId, call.signal);
      return { ok: false, error: { ...failure, attempts: Math.max(1, attempts) } } satisfies Failure<unknown>;
    }
  };
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

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

function checkBaseUrl(service: string, baseUrl: unknown): string {
  if (typeof baseUrl !== 'string' || !/^https?:\/\/[^/]/.test(baseUrl)) {
    throw new TypeError(`${service} client: baseUrl must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  return baseUrl.replace(/\/+$/, '');
}
