import { createQuerySerializer, defaultBodySerializer, defaultPathSerializer } from 'openapi-fetch';
import type { CallInput } from './create-caller.js';
import { assignHeaders } from './outbound-headers.js';
import type { PathTemplate } from './path-template.js';
import { bodyContentType } from './request-body.js';
import type { OperationSpec } from './service-spec.js';
import type { LightResponse } from './transport/light-response.js';
import type { Transport } from './transport/undici-transport.js';

/** What one attempt resolves to, as openapi-fetch shapes it. */
export interface FetchOutcome {
  data?: unknown;
  error?: unknown;
  response: LightResponse;
}

/** openapi-fetch's default query serializer (form style, exploded arrays, deepObject objects). */
const querySerializer = createQuerySerializer();

/** The URL, method, headers and body of one call, made once and sent by every attempt. */
export interface DirectRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | null;
}

/**
 * Builds a call's request as openapi-fetch's `coreFetch` would, with openapi-fetch's own serializers: the
 * path filled in (`PathTemplate`, or `defaultPathSerializer` for what it does not cover), the query from
 * `createQuerySerializer()`, the body from `defaultBodySerializer` (or the string itself for a text body)
 * with `Content-Type: application/json` unless a header says otherwise. `headers` is the call's complete
 * record (lower-case names) and is completed in place: typed header parameters win over the rest, as in
 * openapi-fetch. What it skips is openapi-fetch's per-call copies, WHATWG Headers and Request; the parity test
 * (test/unit/client/transport-parity.test.ts) holds the two to the same requests and results.
 */
export function directRequest(
  baseUrl: string,
  op: OperationSpec,
  template: PathTemplate,
  input: CallInput,
  headers: Record<string, string>,
): DirectRequest {
  let url =
    baseUrl +
    (template.expand(input.path) ??
      (input.path === undefined ? op.path : defaultPathSerializer(op.path, input.path)));
  if (input.query !== undefined) {
    let search = querySerializer(input.query);
    if (search.startsWith('?')) search = search.slice(1);
    if (search !== '') url += `?${search}`;
  }
  // openapi-fetch's order: the body type the caller forces, then typed header parameters over everything.
  const forced = bodyContentType(op);
  if (forced !== undefined) headers['content-type'] = forced;
  if (input.headers !== undefined) assignHeaders(headers, input.headers);
  let body: string | Uint8Array | null = null;
  if (op.requestBody === 'text') {
    if (input.body !== undefined) body = String(input.body);
  } else if (op.requestBody !== undefined) {
    // Prepared by the caller (see preparedBody): the encoded form or multipart body, or the bytes.
    if (input.body !== undefined) body = input.body as string | Uint8Array;
  } else if (input.body !== undefined) {
    // Its .d.ts omits the headers argument the implementation reads (a form Content-Type).
    const serialize = defaultBodySerializer as (body: unknown, headers: Record<string, string>) => unknown;
    const serialized = serialize(input.body, headers);
    body = typeof serialized === 'string' ? serialized : String(serialized);
    headers['content-type'] ??= 'application/json';
  }
  return { url, method: op.method.toUpperCase(), headers, body };
}

/**
 * Sends `request` on `transport` and reads the answer as openapi-fetch's `coreFetch` does: no body for 204,
 * HEAD or an empty answer; a success parsed as `parseAs` (JSON read as text first when there is no
 * Content-Length, so an empty body is `undefined`); an error body parsed as JSON when it is JSON, else kept
 * as text.
 */
export async function sendDirect(
  transport: Transport,
  request: DirectRequest,
  signal: AbortSignal,
  parseAs: OperationSpec['parseAs'],
): Promise<FetchOutcome> {
  const response = await transport.send(request.url, request.method, request.headers, request.body, signal);
  const contentLength = response.headers.get('content-length');
  if (
    response.status === 204 ||
    request.method === 'HEAD' ||
    (contentLength === '0' && !response.headers.get('transfer-encoding')?.includes('chunked'))
  ) {
    if (!response.ok) return { error: undefined, response };
    return { data: parseAs === 'bytes' ? new Uint8Array() : undefined, response };
  }
  if (response.ok) {
    // An event stream is read by the EventStream the caller makes of it, event by event.
    if (parseAs === 'events') return { data: response.body, response };
    if (parseAs === 'bytes') return { data: new Uint8Array(await response.arrayBuffer()), response };
    if (parseAs === 'json' && !contentLength) {
      const raw = await response.text();
      return { data: raw ? JSON.parse(raw) : undefined, response };
    }
    return { data: await (parseAs === 'json' ? response.json() : response.text()), response };
  }
  let error: unknown = await response.text();
  try {
    error = JSON.parse(error as string);
  } catch {
    // not JSON: the text is the error body
  }
  return { error, response };
}
