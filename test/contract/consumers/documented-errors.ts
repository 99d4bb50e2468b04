import type { ErrorCode, ServiceSpec } from '../../../lib/client/index.js';

/**
 * The Result code a consumer must see for each error status a downstream documents. Written out rather than
 * taken from `codeForStatus`, so the tests check the mapping instead of repeating it.
 */
export const EXPECTED_CODE: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'UNPROCESSABLE',
  429: 'RATE_LIMITED',
  500: 'DOWNSTREAM_ERROR',
  502: 'DOWNSTREAM_ERROR',
  503: 'UNAVAILABLE',
};

/**
 * `[status, expected code]` for every error status `operationId` documents in `spec` (the generated spec
 * object, so a status added to the YAML is tested after `make generate`). Throws for a status without an
 * expected code, so a new one cannot slip by untested.
 */
export function documentedErrors(spec: ServiceSpec, operationId: string): [number, ErrorCode][] {
  const op = spec.operations[operationId];
  if (op === undefined) throw new Error(`${spec.name} has no operation ${operationId}`);
  return op.statuses
    .filter((status) => status >= 400)
    .map((status) => {
      const code = EXPECTED_CODE[status];
      if (code === undefined) throw new Error(`add the expected code of ${status} to EXPECTED_CODE`);
      return [status, code];
    });
}
