import { PolicyError } from './call-policy.js';
import type { ErrorCode } from './error-code.js';
import type { CallFailure } from './result.js';

/** Builds a CallFailure; `kind` says whether the network, a policy or an undocumented answer caused it. */
export function callFailure(
  kind: CallFailure['kind'],
  code: ErrorCode,
  message: string,
  extra: { operationId: string; attempts?: number; cause?: unknown; httpStatus?: number; body?: unknown },
): CallFailure {
  return {
    kind,
    status: undefined,
    httpStatus: extra.httpStatus,
    code,
    message,
    body: extra.body,
    attempts: extra.attempts ?? 1,
    operationId: extra.operationId,
    cause: extra.cause,
  };
}

/** Classifies anything a transport or policy threw into a CallFailure with the right code. */
export function failureFromUnknown(error: unknown, operationId: string): CallFailure {
  const extra = { operationId, cause: error };
  if (error instanceof PolicyError) {
    const kind = error.code === 'TIMEOUT' || error.code === 'ABORTED' ? 'transport' : 'policy';
    return callFailure(kind, error.code, error.message, extra);
  }
  const e = error as
    | { name?: string; message?: string; code?: string; cause?: { code?: string } }
    | undefined;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return callFailure('transport', 'TIMEOUT', 'the attempt timed out and was aborted', extra);
  }
  if (e?.name === 'SyntaxError')
    return callFailure('transport', 'INVALID_RESPONSE', `unparseable response: ${e.message}`, extra);
  const code = e?.cause?.code ?? e?.code ?? '';
  const detail = code === '' ? (e?.message ?? String(error)) : `${e?.message ?? 'request failed'} (${code})`;
  return callFailure('transport', 'NETWORK_ERROR', detail, extra);
}
