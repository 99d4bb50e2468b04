import { PolicyError } from '../call-policy.js';

/** Statuses worth another attempt of an idempotent call: overload, gateway trouble, rate limiting. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/** Statuses that count against the downstream's circuit breaker (its fault, not the caller's). */
export function isBreakerFailureStatus(status: number): boolean {
  return status >= 500;
}

function networkCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null | undefined;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The request never reached the downstream (connection refused): safe to retry even a non-idempotent call. */
export function isConnectionRefused(error: unknown): boolean {
  return networkCode(error) === 'ECONNREFUSED';
}

/**
 * A failure of the network itself, carrying a system error code (`ECONNRESET`, `ECONNREFUSED`, undici's
 * `UND_ERR_SOCKET`…): unlike a bare `TypeError`, never the caller's own mistake (a body that cannot be
 * serialized), so it may count against a replica's health.
 */
export function isNetworkFailure(error: unknown): boolean {
  return networkCode(error) !== undefined || (error as { name?: unknown } | null)?.name === 'SocketError';
}

/** A timed-out attempt or a network failure: retryable for an idempotent call, a failure for the breaker. */
export function isTransportFailure(error: unknown): boolean {
  if (error instanceof PolicyError) return error.code === 'TIMEOUT' || error.slowAttempt;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TypeError' || name === 'SocketError' || networkCode(error) !== undefined;
}
