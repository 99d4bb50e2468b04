/** The closed set of codes a failed call can carry; see the README's "Error codes" table. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNPROCESSABLE',
  'RATE_LIMITED',
  'DOWNSTREAM_ERROR',
  'UNAVAILABLE',
  'TIMEOUT',
  'DEADLINE_EXCEEDED',
  'CIRCUIT_OPEN',
  'BULKHEAD_FULL',
  'RETRY_BUDGET_EXHAUSTED',
  'NETWORK_ERROR',
  'INVALID_RESPONSE',
  'ABORTED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

/** Maps an HTTP error status to its code: unlisted 4xx are BAD_REQUEST, unlisted 5xx DOWNSTREAM_ERROR. */
export function codeForStatus(status: number): ErrorCode {
  return BY_STATUS[status] ?? (status >= 500 ? 'DOWNSTREAM_ERROR' : 'BAD_REQUEST');
}
