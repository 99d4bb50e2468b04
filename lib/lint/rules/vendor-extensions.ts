import type { Oas3Rule } from '@redocly/openapi-core/lib/visitors.js';
import type { UserContext } from '@redocly/openapi-core/lib/walk.js';
import { isIntegerIn, isMap, operationLabel, type YamlMap } from './node-helpers.js';
import { visitOperations } from './operation-visitor.js';
import { likelyMeant } from './vendor-extension-typos.js';

/** Bounds the client enforces; see the generated client's policies. */
export const VENDOR_LIMITS = { maxTimeoutMs: 60_000, maxAttempts: 5, maxDelayMs: 60_000 } as const;

const RETRY_DELAYS = ['baseDelayMs', 'maxDelayMs'] as const;

function checkRetry(retry: unknown, ctx: UserContext): void {
  const at = ctx.location.child('x-retry');
  if (!isMap(retry)) {
    ctx.report({
      message: 'x-retry must be an object: { maxAttempts: 1..5, baseDelayMs?, maxDelayMs? }',
      location: at,
    });
    return;
  }
  if (!isIntegerIn(retry.maxAttempts, 1, VENDOR_LIMITS.maxAttempts)) {
    const location = retry.maxAttempts === undefined ? at.key() : at.child('maxAttempts');
    ctx.report({
      message: `x-retry.maxAttempts must be an integer from 1 to ${VENDOR_LIMITS.maxAttempts}`,
      location,
    });
  }
  for (const field of RETRY_DELAYS) {
    if (retry[field] !== undefined && !isIntegerIn(retry[field], 0, VENDOR_LIMITS.maxDelayMs)) {
      ctx.report({
        message: `x-retry.${field} must be an integer from 0 to ${VENDOR_LIMITS.maxDelayMs}`,
        location: at.child(field),
      });
    }
  }
  const { baseDelayMs, maxDelayMs } = retry;
  if (typeof baseDelayMs === 'number' && typeof maxDelayMs === 'number' && baseDelayMs > maxDelayMs) {
    ctx.report({
      message: 'x-retry.baseDelayMs must not exceed x-retry.maxDelayMs',
      location: at.child('baseDelayMs'),
    });
  }
  for (const key of Object.keys(retry)) {
    if (key === 'maxAttempts' || (RETRY_DELAYS as readonly string[]).includes(key)) continue;
    ctx.report({
      message: `x-retry does not support '${key}': use only maxAttempts, baseDelayMs, maxDelayMs`,
      location: at.child(key).key(),
    });
  }
}

function checkOperation(operation: YamlMap, ctx: UserContext, label: string): void {
  const idempotent = operation['x-idempotent'];
  if (idempotent !== undefined && typeof idempotent !== 'boolean') {
    ctx.report({
      message: 'x-idempotent must be true or false',
      location: ctx.location.child('x-idempotent'),
    });
  }
  const timeout = operation['x-timeout-ms'];
  if (timeout !== undefined && !isIntegerIn(timeout, 1, VENDOR_LIMITS.maxTimeoutMs)) {
    ctx.report({
      message: `x-timeout-ms must be an integer number of milliseconds from 1 to ${VENDOR_LIMITS.maxTimeoutMs}`,
      location: ctx.location.child('x-timeout-ms'),
    });
  }
  if (operation['x-retry'] !== undefined) checkRetry(operation['x-retry'], ctx);
  for (const key of Object.keys(operation)) {
    const meant = key.toLowerCase().startsWith('x-') ? likelyMeant(key) : undefined;
    if (meant === undefined) continue;
    ctx.report({
      message: `${label}: unknown extension '${key}', did you mean '${meant}'? The client ignores '${key}'`,
      location: ctx.location.child(key).key(),
    });
  }
}

/**
 * `switchboard/vendor-extensions`: `x-idempotent` is a boolean, `x-timeout-ms` an integer 1..60000,
 * `x-retry` an object `{ maxAttempts: 1..5, baseDelayMs?: 0..60000, maxDelayMs?: 0..60000 }`, and any
 * other operation `x-` key that looks like a misspelling of these is an error.
 */
export const VendorExtensions: Oas3Rule = () =>
  visitOperations((operation, ctx, { path, method }) =>
    checkOperation(operation, ctx, operationLabel(method, path)),
  );
