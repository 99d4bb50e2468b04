import { randomBytes } from 'node:crypto';
import { newCorrelationId } from '../context/correlation-id.js';
import { currentContext } from '../context/request-context.js';
import type { CallOptions, ClientOptions, Credential } from './client-options.js';
import type { OperationSpec, SecuritySchemeSpec, ServiceSpec } from './service-spec.js';

/** Header names the client injects. */
export const CORRELATION_HEADER = 'x-correlation-id';
export const TRACEPARENT_HEADER = 'traceparent';
export const DEADLINE_HEADER = 'x-deadline-ms';

/**
 * The headers every attempt of a call carries, as one record with lower-case names: client headers, call
 * headers, credentials for the first satisfiable security alternative, the correlation ID (from the call, the
 * current request, or fresh, the same on every attempt) and a child `traceparent`. Synchronous unless a
 * credential is a function that returns a promise.
 */
export function outboundHeaders(
  spec: ServiceSpec,
  op: OperationSpec,
  client: ClientOptions,
  call: CallOptions,
): Record<string, string> | Promise<Record<string, string>> {
  const context = currentContext();
  const headers: Record<string, string> = {};
  if (client.headers !== undefined) assignHeaders(headers, client.headers);
  if (call.headers !== undefined) assignHeaders(headers, call.headers);
  headers[CORRELATION_HEADER] = call.correlationId ?? context?.correlationId ?? newCorrelationId();
  const parent = context?.traceparent;
  if (parent !== undefined) headers[TRACEPARENT_HEADER] = childTraceparent(parent);
  if (op.security.length === 0) return headers;
  const credentials = (
    call.credentials === undefined
      ? (client.credentials ?? {})
      : { ...client.credentials, ...call.credentials }
  ) as Record<string, Credential | undefined>;
  const alternative = op.security.find((names) => names.every((n) => credentials[n] !== undefined));
  const secrets: [SecuritySchemeSpec, string | Promise<string>][] = [];
  let pending = false;
  for (const name of alternative ?? []) {
    const scheme = spec.schemes[name];
    const source = credentials[name];
    if (scheme === undefined || source === undefined) continue;
    const secret = typeof source === 'function' ? source() : source;
    if (typeof secret !== 'string') pending = true;
    secrets.push([scheme, secret]);
  }
  if (!pending) {
    for (const [scheme, secret] of secrets) applyCredential(headers, scheme, secret as string);
    return headers;
  }
  // Applied in the spec's order once all are known, whichever resolves first.
  return Promise.all(secrets.map(([, secret]) => secret)).then((values) => {
    secrets.forEach(([scheme], i) => {
      applyCredential(headers, scheme, values[i] as string);
    });
    return headers;
  });
}

/**
 * Copies `source` into `target` with lower-case names (so one header never goes out twice under two
 * spellings), skipping undefined, deleting on null (as openapi-fetch does), joining arrays with `, `.
 */
export function assignHeaders(
  target: Record<string, string>,
  source: Readonly<Record<string, unknown>>,
): void {
  for (const key in source) {
    const value = source[key];
    if (value === undefined) continue;
    if (value === null) delete target[key.toLowerCase()];
    else target[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
}

function applyCredential(headers: Record<string, string>, scheme: SecuritySchemeSpec, secret: string): void {
  if (scheme.type === 'apiKey' && scheme.in === 'header') headers[scheme.name.toLowerCase()] = secret;
  else if (scheme.type === 'http' && scheme.scheme.toLowerCase() === 'bearer')
    headers.authorization = `Bearer ${secret}`;
  else if (scheme.type === 'http' && scheme.scheme.toLowerCase() === 'basic')
    headers.authorization = `Basic ${secret}`;
}

/** Keeps the trace ID and flags of a W3C traceparent and gives the outbound call a new span ID. */
export function childTraceparent(parent: string): string {
  const parts = parent.split('-');
  if (parts.length !== 4 || parts[1]?.length !== 32) return parent;
  return `${parts[0]}-${parts[1]}-${randomBytes(8).toString('hex')}-${parts[3]}`;
}
