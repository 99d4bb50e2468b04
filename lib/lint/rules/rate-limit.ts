import type { Oas3Rule } from '@redocly/openapi-core/lib/visitors.js';
import type { UserContext } from '@redocly/openapi-core/lib/walk.js';
import { asMap, isIntegerIn, isMap, operationLabel, type YamlMap } from './node-helpers.js';
import { visitOperations } from './operation-visitor.js';

/** Bounds of `x-rate-limit`: what the server's limiter takes. */
export const RATE_LIMIT_BOUNDS = {
  maxRequests: 1_000_000,
  minWindowMs: 1000,
  maxWindowMs: 86_400_000,
} as const;

const FIELDS = ['max', 'windowMs', 'per'];

function checkShape(limit: unknown, ctx: UserContext): void {
  const at = ctx.location.child('x-rate-limit');
  if (!isMap(limit)) {
    ctx.report({
      message: 'x-rate-limit must be an object: { max, windowMs, per?: caller | user }',
      location: at,
    });
    return;
  }
  if (!isIntegerIn(limit.max, 1, RATE_LIMIT_BOUNDS.maxRequests))
    ctx.report({
      message: `x-rate-limit.max must be an integer from 1 to ${RATE_LIMIT_BOUNDS.maxRequests}`,
      location: limit.max === undefined ? at.key() : at.child('max'),
    });
  if (!isIntegerIn(limit.windowMs, RATE_LIMIT_BOUNDS.minWindowMs, RATE_LIMIT_BOUNDS.maxWindowMs))
    ctx.report({
      message: `x-rate-limit.windowMs must be an integer from ${RATE_LIMIT_BOUNDS.minWindowMs} to ${RATE_LIMIT_BOUNDS.maxWindowMs}`,
      location: limit.windowMs === undefined ? at.key() : at.child('windowMs'),
    });
  if (limit.per !== undefined && limit.per !== 'caller' && limit.per !== 'user')
    ctx.report({ message: "x-rate-limit.per must be 'caller' or 'user'", location: at.child('per') });
  for (const key of Object.keys(limit)) {
    if (FIELDS.includes(key)) continue;
    ctx.report({
      message: `x-rate-limit does not support '${key}': use only max, windowMs, per`,
      location: at.child(key).key(),
    });
  }
}

/**
 * `switchboard/rate-limit`: an operation's `x-rate-limit` is `{ max: 1..1000000, windowMs: 1000..86400000,
 * per?: caller | user }`, and the operation documents the 429 the server answers over it, with its
 * `Retry-After` header, so a generated client gets the refusal typed and knows when to come back.
 */
export const RateLimit: Oas3Rule = () =>
  visitOperations((operation: YamlMap, ctx, { path, method }) => {
    const limit = operation['x-rate-limit'];
    if (limit === undefined) return;
    checkShape(limit, ctx);
    const responses = asMap(operation.responses);
    const label = operationLabel(method, path);
    if (!('429' in responses)) {
      ctx.report({
        message: `${label} has x-rate-limit, so it must document the 429 it answers over the limit, with a Retry-After header`,
        location:
          operation.responses === undefined ? ctx.location.key() : ctx.location.child('responses').key(),
      });
      return;
    }
    const response = responses['429'];
    const headers = asMap(asMap(isMap(response) ? ctx.resolve(response).node : undefined).headers);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'retry-after'))
      ctx.report({
        message: `${label}: the 429 response must document its Retry-After header`,
        location: ctx.location.child(['responses', '429']).key(),
      });
  });
