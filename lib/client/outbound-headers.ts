import { randomBytes } from 'node:crypto';
import { newCorrelationId } from '../context/correlation-id.js';
import { currentContext } from '../context/request-context.js';
import type { CallOptions, ClientOptions, Credential } from './client-options.js';
import type { OperationSpec, ServiceSpec } from './service-spec.js';

/** Header names the client injects. */
export const CORRELATION_HEADER = 'x-correlation-id';
export const TRACEPARENT_HEADER = 'traceparent';
export const DEADLINE_HEADER = 'x-deadline-ms';

/**
 * The headers every attempt of a call carries: client headers, credentials for the first satisfiable
 * security alternative, the correlation ID (from the call, the current request, or fresh, the same on
 * every attempt) and a child `traceparent`.
 */
export async function outboundHeaders(
  spec: ServiceSpec,
  op: OperationSpec,
  client: ClientOptions,
  call: CallOptions,
): Promise<Record<string, string>> {
  const context = currentContext();
  const headers: Record<string, string> = { ...client.headers, ...call.headers };
  headers[CORRELATION_HEADER] = call.correlationId ?? context?.correlationId ?? newCorrelationId();
  const parent = context?.traceparent;
  if (parent !== undefined) headers[TRACEPARENT_HEADER] = childTraceparent(parent);
  const credentials = { ...client.credentials, ...call.credentials } as Record<
    string,
    Credential | undefined
  >;
  const alternative = op.security.find((names) => names.every((n) => credentials[n] !== undefined));
  for (const name of alternative ?? []) {
    const scheme = spec.schemes[name];
    const source = credentials[name];
    if (scheme === undefined || source === undefined) continue;
    const secret = typeof source === 'function' ? await source() : source;
    if (scheme.type === 'apiKey' && scheme.in === 'header') headers[scheme.name.toLowerCase()] = secret;
    else if (scheme.type === 'http' && scheme.scheme.toLowerCase() === 'bearer')
      headers.authorization = `Bearer ${secret}`;
    else if (scheme.type === 'http' && scheme.scheme.toLowerCase() === 'basic')
      headers.authorization = `Basic ${secret}`;
  }
  return headers;
}

/** Keeps the trace ID and flags of a W3C traceparent and gives the outbound call a new span ID. */
export function childTraceparent(parent: string): string {
  const parts = parent.split('-');
  if (parts.length !== 4 || parts[1]?.length !== 32) return parent;
  return `${parts[0]}-${parts[1]}-${randomBytes(8).toString('hex')}-${parts[3]}`;
}
