import createClient, { createQuerySerializer } from 'openapi-fetch';
import { currentContext } from '../context/request-context.js';
import { innerMap } from '../inner-map.js';
import { callFailure, failureFromUnknown } from './call-failure.js';
import {
  type AttemptContext,
  type AttemptOutcome,
  type CallPolicy,
  singleAttemptPolicy,
} from './call-policy.js';
import { startCallTelemetry } from './call-telemetry.js';
import { checkClientOptions } from './check-client-options.js';
import {
  type CallOptions,
  type ClientOptions,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_TIMEOUT_MS,
} from './client-options.js';
import { addCookies } from './cookie-header.js';
import { directRequest, sendDirect } from './direct-request.js';
import { codeForStatus } from './error-code.js';
import { type ByteSource, noBody, readEventStream } from './event-stream.js';
import { inMediaRange, isMediaRange } from './media-type.js';
import { assignHeaders, DEADLINE_HEADER, outboundHeaders } from './outbound-headers.js';
import { PathTemplate } from './path-template.js';
import { asBytes, bodyContentType, preparedBody } from './request-body.js';
import { createResilientPolicy, type ResilientPolicy } from './resilience/resilient-policy.js';
import type { CallFailure, Failure, HttpError, ResponseHeaders } from './result.js';
import type { OperationSpec, ServiceSpec } from './service-spec.js';
import { DnsReplicas } from './transport/dns-replicas.js';
import { LightRequest } from './transport/light-request.js';
import { attemptOnReplicas } from './transport/replica-attempt.js';
import { type Replica, ReplicaSet } from './transport/replica-set.js';
import { defaultTransport, type Transport } from './transport/undici-transport.js';

/** The parts of a call's input, as generated `<Operation>Input` types shape them. */
export interface CallInput {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  /** Cookie parameters, sent in the `Cookie` header. */
  cookies?: Record<string, unknown>;
  /** Which of the operation's request media types `body` is sent as (default: its first). */
  contentType?: string;
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
  response: { status: number; ok: boolean; headers: ResponseHeaders };
}

/**
 * Builds the runtime behind a generated client: openapi-fetch serializes the request over the pooled undici
 * transport, `outboundHeaders` adds auth, correlation and trace headers, the resilient policy runs the
 * attempts, and the response becomes a Result. Options are checked here, once; misuse (a bad base URL, a
 * timeout not below the deadline, an unknown operation) throws, nothing else does.
 */
export function createCaller(spec: ServiceSpec, options: ClientOptions): Caller {
  const { bases, origin } = checkClientOptions(spec, options);
  const replicas = bases.length > 1 ? new ReplicaSet(bases, options.replicas) : undefined;
  const dns =
    options.replicas?.dns === undefined || options.replicas.dns === false
      ? undefined
      : new DnsReplicas(spec.name, bases[0] as string, options.replicas);
  const policy: CallPolicy =
    options.policy ??
    (options.resilience === false ? singleAttemptPolicy : createResilientPolicy(options.resilience ?? {}));
  const templates = new Map<string, PathTemplate>();
  const templateOf = (operationId: string, op: OperationSpec) => {
    let template = templates.get(operationId);
    if (template === undefined) {
      template = new PathTemplate(op.path);
      templates.set(operationId, template);
    }
    return template;
  };
  const transport = options.fetch === undefined ? (options.transport ?? defaultTransport()) : undefined;
  // On the pooled transport a call is built once and sent as it is (see direct-request.ts); any other fetch
  // goes through openapi-fetch's own request pipeline.
  const send: Send =
    transport === undefined
      ? viaOpenapiFetch(bases, replicas, options, templateOf)
      : viaTransport(bases, dns ?? replicas, transport, templateOf);
  // `raw`: an event stream's success keeps the response body as it is (for a resumption to read).
  const invoke = async (
    operationId: string,
    input: CallInput = {},
    call: CallOptions = {},
    raw = false,
  ): Promise<CallResult> => {
    const declared = spec.operations[operationId];
    if (declared === undefined) throw new TypeError(`${spec.name} has no operation '${operationId}'`);
    if (
      input.contentType === undefined &&
      declared.contentType !== undefined &&
      isMediaRange(declared.contentType)
    )
      throw new TypeError(
        `${operationId} needs input.contentType: a media type in '${declared.contentType}'`,
      );
    const op = input.contentType === undefined ? declared : sentAs(declared, operationId, input.contentType);
    const context = attemptContext(spec, op, operationId, origin, options, call);
    if (transport !== undefined || (options.Request as unknown) === LightRequest) context.lightSignal = true;
    let attempts = 0;
    const telemetry = startCallTelemetry({
      service: spec.name,
      operationId,
      op,
      origin,
      deadline: context.deadline,
    });
    try {
      const pending = outboundHeaders(spec, op, options, call);
      const headers = pending instanceof Promise ? await pending : pending;
      if (input.cookies !== undefined) addCookies(headers, input.cookies);
      if (op.parseAs === 'events') headers.accept ??= 'text/event-stream';
      if (op.requestBody === 'binary' || op.requestBody === 'form' || op.requestBody === 'multipart') {
        const prepared = await preparedBody(op, input.body, options.maxBufferedBodyBytes);
        input = { ...input, body: prepared.body };
        if (prepared.contentType !== undefined) headers['content-type'] = prepared.contentType;
      }
      const attempt = send(
        operationId,
        op,
        input,
        headers,
        context.idempotent,
        // Only a downstream with several replicas has one to name (a closure per call only then).
        telemetry === undefined || (replicas === undefined && dns === undefined)
          ? undefined
          : (base) => telemetry.onReplica(base),
      );
      const outcome = await policy.execute(context, (signal) => {
        attempts++;
        if (context.deadline !== undefined)
          headers[DEADLINE_HEADER] = String(Math.max(1, context.deadline - Date.now()));
        if (telemetry === undefined) return attempt(signal);
        telemetry.beginAttempt(headers);
        return attempt(signal).then(
          (o) => {
            telemetry.endAttempt(o.response.status);
            return o;
          },
          (error: unknown) => {
            telemetry.endAttempt(undefined, error);
            throw error;
          },
        );
      });
      const result = toResult(op, operationId, outcome, attempts);
      const streaming = op.parseAs === 'events' && result.ok && !raw;
      // A stream's call span lasts until its reading ends (see onEnd below).
      if (!streaming)
        telemetry?.endCall(result.ok ? undefined : result.error.code, breakerStateOf(policy, origin));
      if (streaming) {
        const resume = async (lastEventId: string) => {
          const headers = { ...call.headers, 'last-event-id': lastEventId };
          const again = await invoke(operationId, input, { ...call, headers }, true);
          return again.ok ? (again.value as ByteSource) : asCallFailure(again.error, operationId);
        };
        result.value = readEventStream((result.value as ByteSource | undefined) ?? noBody(), {
          operationId,
          json: op.events !== 'text',
          signal: context.signal,
          deadline: context.deadline,
          resume: context.idempotent ? resume : undefined,
          onEnd:
            telemetry === undefined
              ? undefined
              : (failureCode, events) => {
                  telemetry.addEvents(events);
                  telemetry.endCall(failureCode, breakerStateOf(policy, origin));
                },
        });
      }
      return result;
    } catch (error) {
      const failure = failureFromUnknown(error, operationId);
      telemetry?.endCall(failure.code, breakerStateOf(policy, origin));
      return { ok: false, error: { ...failure, attempts: Math.max(1, attempts) } } satisfies Failure<unknown>;
    }
  };
  return (operationId, input, call) => invoke(operationId, input, call);
}

/** The breaker state of `origin` when the policy keeps breakers (the resilient one does). */
function breakerStateOf(policy: CallPolicy, origin: string): string | undefined {
  return (policy as Partial<ResilientPolicy>).breakerState?.(origin);
}

/** A call's Result as the runtime sees it (generated clients narrow it per operation). */
type CallResult =
  | { ok: true; status: number; value: unknown; headers: ResponseHeaders }
  | { ok: false; error: CallFailure | HttpError<number, unknown> };

/** A documented HTTP error as a CallFailure (an event stream's resumption reports one of either). */
function asCallFailure(error: CallFailure | HttpError<number, unknown>, operationId: string): CallFailure {
  if (error.kind !== 'http') return error;
  return callFailure('undocumented', error.code, error.message, {
    operationId,
    attempts: error.attempts,
    httpStatus: error.status,
    body: error.body,
  });
}

/**
 * Prepares one call and returns its attempt: each attempt sends the same request with its own signal (to a
 * replica of its own when there are several, see attemptOnReplicas). `headers` is the call's record; it may
 * be completed here, and the caller updates the deadline header in it before every attempt.
 */
type Send = (
  operationId: string,
  op: OperationSpec,
  input: CallInput,
  headers: Record<string, string>,
  idempotent: boolean,
  onReplica?: (base: string) => void,
) => (signal: AbortSignal) => Promise<Outcome>;

type TemplateOf = (operationId: string, op: OperationSpec) => PathTemplate;

function viaTransport(
  bases: string[],
  replicas: ReplicaSet | DnsReplicas | undefined,
  transport: Transport,
  templateOf: TemplateOf,
): Send {
  if (replicas === undefined) {
    const baseUrl = bases[0] as string;
    return (operationId, op, input, headers) => {
      const request = directRequest(baseUrl, op, templateOf(operationId, op), input, headers);
      return (signal) => sendDirect(transport, request, signal, op.parseAs);
    };
  }
  return (operationId, op, input, headers, idempotent, onReplica) => {
    // The path and query, made once; each attempt puts its replica's base in front.
    const request = directRequest('', op, templateOf(operationId, op), input, headers);
    const failed: Replica[] = [];
    const attempt = (set: ReplicaSet, signal: AbortSignal) =>
      attemptOnReplicas(set, failed, idempotent, signal, (replica) => {
        onReplica?.(replica.base);
        return sendDirect(transport, { ...request, url: replica.base + request.url }, signal, op.parseAs);
      });
    if (replicas instanceof ReplicaSet) return (signal) => attempt(replicas, signal);
    // Found by DNS: the replicas are addresses, the name goes in Host.
    headers.host = replicas.host;
    return async (signal) => {
      const set = replicas.current();
      return attempt(set instanceof Promise ? await set : set, signal);
    };
  };
}

function viaOpenapiFetch(
  bases: string[],
  replicas: ReplicaSet | undefined,
  options: ClientOptions,
  templateOf: TemplateOf,
): Send {
  // Made once here: openapi-fetch otherwise builds a query serializer on every call.
  const querySerializer = createQuerySerializer();
  const cores = new Map(
    bases.map((baseUrl) => [
      baseUrl,
      createClient({
        baseUrl,
        fetch: options.fetch,
        Request: options.Request,
        querySerializer,
      } as Parameters<typeof createClient>[0]),
    ]),
  );
  const first = cores.get(bases[0] as string) as ReturnType<typeof createClient>;
  // With the light Request the caller hands it a finished header record and the expanded path, so
  // openapi-fetch builds no WHATWG Headers and runs no path regex per call.
  const light = (options.Request as unknown) === LightRequest;
  return (operationId, op, input, headers, idempotent, onReplica) => {
    const path = light ? templateOf(operationId, op).expand(input.path) : undefined;
    const init = requestInit(op, input, headers, light, path === undefined);
    const on = (core: ReturnType<typeof createClient>, signal: AbortSignal) => {
      init.signal = signal;
      const pending = core.request(op.method, (path ?? op.path) as never, init as never) as Promise<Outcome>;
      if (op.parseAs !== 'bytes') return pending;
      return pending.then((o) => (o.response.ok ? { ...o, data: asBytes(o.data) } : o));
    };
    if (replicas === undefined) return (signal) => on(first, signal);
    const failed: Replica[] = [];
    return (signal) =>
      attemptOnReplicas(replicas, failed, idempotent, signal, (replica) => {
        onReplica?.(replica.base);
        return on(cores.get(replica.base) as ReturnType<typeof createClient>, signal);
      });
  };
}

/** What the caller hands openapi-fetch's `request` (its FetchOptions, plus the light Request's own field). */
interface RequestInit {
  params: { path?: unknown; query?: unknown; header?: unknown };
  body?: unknown;
  headers?: Record<string, string>;
  plainHeaders?: Record<string, string>;
  signal?: AbortSignal;
  parseAs?: 'text' | 'arrayBuffer' | 'stream';
  bodySerializer?: (body: unknown) => unknown;
}

const NO_PARAMS: RequestInit['params'] = {};
const asIs = (body: unknown) => body;

/**
 * openapi-fetch's options for one call, with as few keys as will do: it copies them several times per call.
 * In light mode `headers` is the complete record (typed header parameters and content type merged in);
 * otherwise openapi-fetch merges the parts itself.
 */
function requestInit(
  op: OperationSpec,
  input: CallInput,
  headers: Record<string, string>,
  light: boolean,
  pathParams: boolean,
): RequestInit {
  const init: RequestInit = { params: NO_PARAMS };
  const forced = bodyContentType(op);
  if (light) {
    // openapi-fetch's order: the body type the caller forces, then typed header parameters, then JSON as the
    // lowest-priority default.
    if (forced !== undefined) headers['content-type'] = forced;
    if (input.headers !== undefined) assignHeaders(headers, input.headers);
    if (input.body !== undefined) headers['content-type'] ??= 'application/json';
    init.plainHeaders = headers;
    if (pathParams || input.query !== undefined) {
      init.params = {};
      if (pathParams) init.params.path = input.path;
      if (input.query !== undefined) init.params.query = input.query;
    }
  } else {
    // openapi-fetch sends bodies as JSON; a text/* body goes as the string itself, a form or bytes as prepared
    // (see preparedBody), each with its type.
    if (forced !== undefined) headers['content-type'] = forced;
    init.headers = headers;
    init.params = { path: input.path, query: input.query, header: input.headers };
  }
  if (input.body !== undefined) init.body = input.body;
  if (op.parseAs !== 'json')
    init.parseAs = op.parseAs === 'bytes' ? 'arrayBuffer' : op.parseAs === 'events' ? 'stream' : op.parseAs;
  if (op.requestBody === 'text') init.bodySerializer = String;
  else if (op.requestBody !== undefined) init.bodySerializer = asIs;
  return init;
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

function toResult(op: OperationSpec, operationId: string, outcome: Outcome, attempts: number): CallResult {
  const { response } = outcome;
  const status = response.status;
  // `default` covers error statuses only: the generated Result types have no success for it.
  const documented =
    op.statuses.includes(status) ||
    op.ranges?.includes(Math.floor(status / 100)) === true ||
    (op.hasDefault && !response.ok);
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

const variants = new WeakMap<OperationSpec, Map<string, OperationSpec>>();

/**
 * The operation as it sends a body of `contentType`, one of its request media types (`bodies`), or a type in
 * its range (`image/png` for `image/*`). Throws a TypeError for a media type the spec does not list for it.
 */
function sentAs(op: OperationSpec, operationId: string, contentType: string): OperationSpec {
  if (op.contentType !== undefined && isMediaRange(op.contentType)) {
    if (!inMediaRange(contentType, op.contentType))
      throw new TypeError(
        `${operationId} takes a body of a type in '${op.contentType}', not '${contentType}'`,
      );
    return { ...op, contentType };
  }
  const byType = innerMap(variants, op);
  let variant = byType.get(contentType);
  if (variant === undefined) {
    const sending = op.bodies?.[contentType];
    if (sending === undefined)
      throw new TypeError(`${operationId} takes no request body of type '${contentType}'`);
    const { requestBody: _, contentType: __, ...rest } = op;
    variant = { ...rest, ...sending };
    byType.set(contentType, variant);
  }
  return variant;
}
