import {
  type Attributes,
  context as otelContext,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { currentContext } from '../context/request-context.js';
import { innerMap } from '../inner-map.js';
import { activeTracer, instruments } from '../telemetry/instruments.js';
import { originAttributes } from '../telemetry/resilience-metrics.js';
import type { OperationSpec } from './service-spec.js';

/** What a call's telemetry knows about the call. */
export interface CallTarget {
  service: string;
  operationId: string;
  op: OperationSpec;
  /** The downstream origin, `http://host:port`. */
  origin: string;
  /** Epoch ms the call must end by, if any. */
  deadline: number | undefined;
}

/**
 * Traces and measures one call of a generated client by the OpenTelemetry HTTP semantic conventions: an
 * INTERNAL span for the call (named from the path template, never the raw path) with one CLIENT span per
 * attempt (`http.request.resend_count`, and after the first the previous attempt's outcome as
 * `switchboard.retry_reason`), the W3C trace context of the attempt injected into its headers through the
 * registered propagator, `http.client.request.duration` per attempt and `switchboard.client.attempts` per
 * call. Undefined (nothing is done) when no OpenTelemetry SDK is registered.
 */
export function startCallTelemetry(target: CallTarget): CallTelemetry | undefined {
  const meters = instruments();
  const tracer = activeTracer();
  if (tracer === undefined && !meters.enabled) return undefined;
  return new CallTelemetry(target, tracer, meters.enabled);
}

const bases = new Map<string, Attributes>();

/** The attributes every span and data point of an operation's calls carry: made once per operation. */
function baseAttributes(target: CallTarget): Attributes {
  const key = `${target.service} ${target.origin} ${target.operationId}`;
  let base = bases.get(key);
  if (base === undefined) {
    base = {
      'http.request.method': target.op.method.toUpperCase(),
      'url.template': target.op.path,
      ...originAttributes(target.origin),
      'peer.service': target.service,
      'switchboard.operation_id': target.operationId,
    };
    bases.set(key, base);
  }
  return base;
}

const answered = new WeakMap<Attributes, Map<number, Attributes>>();

/** An operation's attributes with a successful answer's status: made once per operation and status. */
function answeredAttributes(base: Attributes, status: number): Attributes {
  const byStatus = innerMap(answered, base);
  let attributes = byStatus.get(status);
  if (attributes === undefined) {
    attributes = { ...base, 'http.response.status_code': status };
    byStatus.set(status, attributes);
  }
  return attributes;
}

/** The telemetry of one call in flight (see startCallTelemetry). */
export class CallTelemetry {
  readonly #base: Attributes;
  readonly #call: Span | undefined;
  readonly #tracer: Tracer | undefined;
  readonly #metrics: boolean;
  #attempt: Span | undefined;
  #started = 0;
  #previous: string | undefined;
  #attempts = 0;
  /** `server.address`/`server.port` of the replica the attempt went to, when the downstream has several. */
  #peer: Attributes | undefined;
  /** Whether the attempt in flight has named its replica already. */
  #peerInAttempt = false;

  constructor(target: CallTarget, tracer: Tracer | undefined, metrics: boolean) {
    this.#base = baseAttributes(target);
    this.#metrics = metrics;
    this.#tracer = tracer;
    if (tracer !== undefined) {
      const inbound = currentContext()?.span;
      const parent = inbound === undefined ? otelContext.active() : trace.setSpan(ROOT_CONTEXT, inbound);
      const attributes: Attributes = { ...this.#base };
      if (target.deadline !== undefined)
        attributes['switchboard.deadline_remaining_ms'] = Math.max(0, target.deadline - Date.now());
      this.#call = tracer.startSpan(
        `${this.#base['http.request.method']} ${target.op.path}`,
        { kind: SpanKind.INTERNAL, attributes },
        parent,
      );
    }
  }

  /** Starts an attempt's span and puts its trace context into `headers` (the propagator's fields). */
  beginAttempt(headers: Record<string, string>): void {
    this.#started = performance.now();
    this.#peerInAttempt = false;
    const resend = this.#attempts++;
    if (this.#call === undefined || this.#tracer === undefined) return;
    const attributes: Attributes = { ...this.#base };
    if (resend > 0) {
      attributes['http.request.resend_count'] = resend;
      if (this.#previous !== undefined) attributes['switchboard.retry_reason'] = this.#previous;
    }
    this.#attempt = this.#tracer.startSpan(
      String(this.#base['http.request.method']),
      { kind: SpanKind.CLIENT, attributes },
      trace.setSpan(ROOT_CONTEXT, this.#call),
    );
    propagation.inject(trace.setSpan(ROOT_CONTEXT, this.#attempt), headers);
  }

  /**
   * The attempt goes to the replica at `base` (a downstream with several): its span and duration name that
   * replica's address instead of the first one's. A second replica within one attempt (the first refused the
   * connection) adds a `switchboard.replica_failover` event naming the replica left.
   */
  onReplica(base: string): void {
    if (this.#peerInAttempt && this.#peer !== undefined)
      this.#attempt?.addEvent('switchboard.replica_failover', this.#peer);
    this.#peer = originAttributes(base);
    this.#peerInAttempt = true;
    this.#attempt?.setAttributes(this.#peer);
  }

  /** Ends the attempt with its answer's status, or the error that ended it. */
  endAttempt(status: number | undefined, error?: unknown): void {
    const errorType =
      status === undefined
        ? ((error as { code?: string })?.code ?? (error as Error)?.name ?? 'error')
        : status >= 400
          ? String(status)
          : undefined;
    this.#previous = status === undefined ? errorType : `HTTP ${status}`;
    if (this.#metrics) {
      let attributes: Attributes;
      if (status !== undefined && errorType === undefined && this.#peer === undefined)
        attributes = answeredAttributes(this.#base, status);
      else {
        attributes = { ...this.#base, ...this.#peer };
        if (status !== undefined) attributes['http.response.status_code'] = status;
        if (errorType !== undefined) attributes['error.type'] = errorType;
      }
      instruments().clientDuration.record((performance.now() - this.#started) / 1000, attributes);
    }
    const span = this.#attempt;
    if (span === undefined) return;
    if (status !== undefined) span.setAttribute('http.response.status_code', status);
    if (errorType !== undefined) {
      span.setAttribute('error.type', errorType);
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
    this.#attempt = undefined;
  }

  /** Records how many events an event stream delivered, on the call span. */
  addEvents(events: number): void {
    this.#call?.setAttribute('switchboard.events', events);
  }

  /** Ends the call: its Result's code when it failed, and the breaker state of the downstream. */
  endCall(failureCode: string | undefined, breakerState: string | undefined): void {
    if (this.#attempt !== undefined) this.endAttempt(undefined, { code: failureCode ?? 'ABORTED' });
    if (this.#metrics) {
      const meters = instruments();
      meters.clientAttempts.record(Math.max(1, this.#attempts), this.#base);
      if (failureCode === 'DEADLINE_EXCEEDED') meters.resilience.deadlineExceeded.add(1, this.#base);
    }
    const span = this.#call;
    if (span === undefined) return;
    span.setAttribute('switchboard.attempts', this.#attempts);
    if (breakerState !== undefined) span.setAttribute('switchboard.breaker_state', breakerState);
    if (failureCode !== undefined) {
      span.setAttribute('error.type', failureCode);
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  }
}
