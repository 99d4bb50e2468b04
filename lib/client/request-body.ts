import { fieldText, formFields } from './form-fields.js';
import { encodeMultipart, multipartParts } from './multipart.js';
import type { OperationSpec } from './service-spec.js';

/**
 * The Content-Type a call's body is sent with when it is not openapi-fetch's `application/json`: `text/plain`
 * for a text body, else the spec's own media type (`application/merge-patch+json`, a form, `image/png`…).
 */
export function bodyContentType(op: OperationSpec): string | undefined {
  return op.requestBody === 'text' ? 'text/plain' : op.contentType;
}

/** An `application/x-www-form-urlencoded` body: the body's `formFields`, each as its `fieldText`. */
export function formBody(body: unknown): string {
  const search = new URLSearchParams();
  for (const [key, item] of formFields(body)) search.append(key, fieldText(item));
  return search.toString();
}

/** Most bytes a call reads from a body stream before sending it (so a retry can send it again): 64 MiB. */
export const DEFAULT_MAX_BUFFERED_BODY_BYTES = 64 * 1024 * 1024;

function isByteStream(body: unknown): body is ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> {
  return (
    !(body instanceof Uint8Array) &&
    typeof body === 'object' &&
    body !== null &&
    (body instanceof ReadableStream || Symbol.asyncIterator in body)
  );
}

/** Every chunk of a byte stream, in one array. */
async function readWhole(
  stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  limit: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.length;
    if (length > limit)
      throw new RangeError(
        `the body stream is over the ${limit} bytes a call reads before sending (ClientOptions.maxBufferedBodyBytes)`,
      );
  }
  const whole = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/**
 * The body of a call as the transports take it: a binary body's `Blob` or stream read into bytes once (every attempt
 * sends the same bytes), a form's fields encoded, a multipart body encoded with its Content-Type (which
 * names the boundary); anything else unchanged.
 */
export async function preparedBody(
  op: OperationSpec,
  body: unknown,
  maxBufferedBytes = DEFAULT_MAX_BUFFERED_BODY_BYTES,
): Promise<{ body: unknown; contentType?: string }> {
  if (op.requestBody === 'binary' && body instanceof Blob)
    return { body: new Uint8Array(await body.arrayBuffer()) };
  if (op.requestBody === 'binary' && isByteStream(body))
    return { body: await readWhole(body, maxBufferedBytes) };
  if (op.requestBody === 'form' && body !== undefined) return { body: formBody(body) };
  if (op.requestBody === 'multipart' && body !== undefined)
    return encodeMultipart(await multipartParts(body));
  return { body };
}

/** A success body read as bytes: openapi-fetch's `ArrayBuffer` as a `Uint8Array`, an empty answer as no bytes. */
export function asBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array();
}
