import { type Dispatcher, request } from 'undici';
import type { HttpRequest } from './build-request.js';

/** What came back: the status, headers and body text, or why nothing did. */
export type Exchange =
  | { ok: true; status: number; headers: Record<string, string | string[] | undefined>; body: string }
  | { ok: false; error: string };

/** Largest response body read, in bytes; a longer one is cut there (and will not parse as JSON). */
export const MAX_RESPONSE_BYTES = 1_048_576;

/**
 * Sends `req` through `dispatcher` (undici: a keep-alive pool), waiting at most `timeoutMs` for the
 * headers and again for the body. Never rejects: transport failures and timeouts are `{ok: false}`.
 */
export async function exchange(
  dispatcher: Dispatcher,
  req: HttpRequest,
  timeoutMs: number,
): Promise<Exchange> {
  try {
    const res = await request(req.url, {
      method: req.method as Dispatcher.HttpMethod,
      headers: req.headers,
      ...(req.body === undefined ? {} : { body: req.body }),
      dispatcher,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
      size += chunk.length;
    }
    const body = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
    return { ok: true, status: res.statusCode, headers: res.headers, body };
  } catch (error) {
    const e = error as { code?: string; message?: string; cause?: { code?: string } };
    const code = e.code ?? e.cause?.code;
    const message = e.message ?? String(error);
    return {
      ok: false,
      error: code === undefined || message.includes(code) ? message : `${code}: ${message}`,
    };
  }
}
