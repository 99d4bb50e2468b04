import type { Attributes, AttributeValue, HrTime, SpanContext } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';

/**
 * OTLP/JSON (the protobuf JSON mapping the OTLP specification gives: hex trace and span IDs, nanosecond
 * times as decimal strings, kinds offset by one) written straight to text, one span at a time. The SDK's
 * exporter first builds an object tree of every span in a batch and then stringifies it; writing each span's
 * text when it ends lets the span be collected at once and spreads the cost over requests instead of
 * pausing the event loop for a whole batch. Fields at their default (empty lists, zero counts, unset status)
 * are left out, as the mapping allows.
 */

/** The text of one ended span, an element of a `ScopeSpans.spans` array. */
export function spanJson(span: ReadableSpan): string {
  const context = span.spanContext();
  const parent = span.parentSpanContext;
  let text = `{"traceId":"${context.traceId}","spanId":"${context.spanId}"`;
  if (parent?.spanId) text += `,"parentSpanId":"${parent.spanId}"`;
  const traceState = context.traceState?.serialize();
  if (traceState) text += `,"traceState":${JSON.stringify(traceState)}`;
  text += `,"flags":${spanFlags(context, parent?.isRemote)},"name":${JSON.stringify(span.name)},"kind":${span.kind + 1}`;
  text += `,"startTimeUnixNano":"${nanos(span.startTime)}","endTimeUnixNano":"${nanos(span.endTime)}"`;
  text += attributesField(span.attributes, span.droppedAttributesCount);
  if (span.events.length > 0) {
    text += ',"events":[';
    for (let i = 0; i < span.events.length; i++) {
      const event = span.events[i] as ReadableSpan['events'][number];
      if (i > 0) text += ',';
      text += `{"timeUnixNano":"${nanos(event.time)}","name":${JSON.stringify(event.name)}`;
      text += `${attributesField(event.attributes ?? {}, event.droppedAttributesCount ?? 0)}}`;
    }
    text += ']';
  }
  if (span.droppedEventsCount > 0) text += `,"droppedEventsCount":${span.droppedEventsCount}`;
  if (span.links.length > 0) {
    text += ',"links":[';
    for (let i = 0; i < span.links.length; i++) {
      const link = span.links[i] as ReadableSpan['links'][number];
      if (i > 0) text += ',';
      text += `{"traceId":"${link.context.traceId}","spanId":"${link.context.spanId}"`;
      const linkState = link.context.traceState?.serialize();
      if (linkState) text += `,"traceState":${JSON.stringify(linkState)}`;
      text += `,"flags":${spanFlags(link.context, link.context.isRemote)}`;
      text += `${attributesField(link.attributes ?? {}, link.droppedAttributesCount ?? 0)}}`;
    }
    text += ']';
  }
  if (span.droppedLinksCount > 0) text += `,"droppedLinksCount":${span.droppedLinksCount}`;
  const status = span.status;
  if (status.code !== 0 || status.message) {
    text += `,"status":{"code":${status.code}`;
    if (status.message) text += `,"message":${JSON.stringify(status.message)}`;
    text += '}';
  }
  return `${text}}`;
}

/** The text of a `Resource` message. */
export function resourceJson(resource: Resource): string {
  const attributes = attributesField(resource.attributes, 0);
  return `{${attributes.slice(1)}}`;
}

/** A scope's spans, grouped as one `ScopeSpans` message: their texts, comma-separated, as UTF-8. */
export interface ScopeBatch {
  scope: ReadableSpan['instrumentationScope'];
  spans: Buffer;
}

/** The body of an `ExportTraceServiceRequest` carrying `batches`, all of one resource, as UTF-8. */
export function exportRequestBody(resource: Resource, batches: readonly ScopeBatch[]): Buffer {
  let text = `{"resourceSpans":[{"resource":${resourceJson(resource)}`;
  if (resource.schemaUrl) text += `,"schemaUrl":${JSON.stringify(resource.schemaUrl)}`;
  text += ',"scopeSpans":[';
  const parts: Buffer[] = [];
  for (let i = 0; i < batches.length; i++) {
    const { scope, spans } = batches[i] as ScopeBatch;
    if (i > 0) text += ',';
    text += `{"scope":{"name":${JSON.stringify(scope.name)}`;
    if (scope.version) text += `,"version":${JSON.stringify(scope.version)}`;
    text += '}';
    if (scope.schemaUrl) text += `,"schemaUrl":${JSON.stringify(scope.schemaUrl)}`;
    parts.push(Buffer.from(`${text},"spans":[`), spans);
    text = ']}';
  }
  parts.push(Buffer.from(`${text}]}]}`));
  return Buffer.concat(parts);
}

/** W3C trace flags in the low byte, plus whether the parent's remoteness is known and is remote. */
function spanFlags(context: SpanContext, remote: boolean | undefined): number {
  return (context.traceFlags & 0xff) | 0x100 | (remote ? 0x200 : 0);
}

/** An HrTime as decimal nanoseconds since the epoch (past 2^53, so built as text). */
function nanos([seconds, nanoseconds]: HrTime): string {
  // An HrTime not normalised (a fraction, or a full second of nanoseconds) is added up exactly instead.
  if (!Number.isInteger(nanoseconds) || nanoseconds < 0 || nanoseconds >= 1e9)
    return (BigInt(seconds) * 1_000_000_000n + BigInt(Math.round(nanoseconds))).toString();
  if (seconds === 0) return String(nanoseconds);
  return `${seconds}${String(nanoseconds).padStart(9, '0')}`;
}

/** `,"attributes":[…]` (and the dropped count) for a message, or nothing when there are none. */
function attributesField(attributes: Attributes, dropped: number): string {
  let text = '';
  let first = true;
  for (const key in attributes) {
    const value = attributes[key];
    if (value === undefined) continue;
    text += `${first ? ',"attributes":[' : ','}${keyValue(key, value)}`;
    first = false;
  }
  if (!first) text += ']';
  if (dropped > 0) text += `,"droppedAttributesCount":${dropped}`;
  return text;
}

/** Values kept per attribute key; a key with more (an ID, a path) is written afresh each time. */
const VALUES_PER_KEY = 256;
/** Keys kept at most (spans of any instrumentation in the process come through here). */
const KEYS = 1024;
const keyValues = new Map<string, Map<AttributeValue, string> | null>();

/**
 * One `KeyValue` message. Most of Switchboard's attributes repeat on every span (method, route, peer,
 * operation), so the text of a key and scalar value is kept and reused, up to VALUES_PER_KEY per key.
 */
function keyValue(key: string, value: AttributeValue): string {
  const values = keyValues.get(key);
  const cached = values?.get(value);
  if (cached !== undefined) return cached;
  const text = `{"key":${JSON.stringify(key)},"value":${anyValue(value)}}`;
  if (typeof value === 'object' || values === null) return text;
  if (values === undefined) {
    if (keyValues.size < KEYS) keyValues.set(key, new Map([[value, text]]));
  } else if (values.size < VALUES_PER_KEY) values.set(value, text);
  else keyValues.set(key, null);
  return text;
}

/** An attribute value as an `AnyValue` message. */
function anyValue(value: AttributeValue | null | undefined): string {
  switch (typeof value) {
    case 'string':
      return `{"stringValue":${JSON.stringify(value)}}`;
    case 'number':
      if (Number.isSafeInteger(value)) return `{"intValue":${value}}`;
      // Past 2^53 a JSON number loses digits in a 64-bit reader: int64 as a decimal string, as the mapping allows.
      if (Number.isInteger(value) && Math.abs(value) < 2 ** 63) return `{"intValue":"${BigInt(value)}"}`;
      // JSON has no NaN or infinities: the mapping writes them as strings.
      return Number.isFinite(value) ? `{"doubleValue":${value}}` : `{"doubleValue":"${value}"}`;
    case 'boolean':
      return `{"boolValue":${value}}`;
    default:
      if (Array.isArray(value)) return `{"arrayValue":{"values":[${value.map(anyValue).join(',')}]}}`;
      return '{}';
  }
}
