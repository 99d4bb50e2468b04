import type { Oas3Rule } from '@redocly/openapi-core/lib/visitors.js';
import { asMap, operationLabel } from './node-helpers.js';
import { visitOperations } from './operation-visitor.js';
import { validatedInput } from './validated-input.js';

/** True when a 400 answer is documented: listed, covered by `4XX`, or by `default` (as verify reads it). */
export function documents400(responses: unknown): boolean {
  return Object.keys(asMap(responses)).some((status) => /^(400|4xx|default)$/i.test(status));
}

/**
 * `switchboard/validated-input-documents-400`: an operation with validated input (a request body, a
 * required query/header/cookie parameter, or a parameter whose schema constrains its value) documents a
 * 400 response (or `4XX`/`default`). `switchboard verify` sends such an operation invalid requests and
 * requires a documented 4xx, and the server answers them 400. Webhooks and callbacks are left out.
 */
export const ValidatedInputDocuments400: Oas3Rule = () =>
  visitOperations((operation, ctx, { path, method, pathItem }) => {
    // Webhooks and callbacks are requests this service sends, which verify never sends to it.
    const at = ctx.location.pointer;
    const sent = at.startsWith('#/webhooks/') || at.includes('/callbacks/');
    if (sent || documents400(operation.responses)) return;
    const input = validatedInput(ctx, operation, pathItem);
    if (input === undefined) return;
    ctx.report({
      message:
        `operation ${operationLabel(method, path)} validates ${input} but documents no 400: verify sends it ` +
        `invalid requests, answered 400; add '400': { $ref: './common.yaml#/components/responses/BadRequest' }`,
      location:
        operation.responses === undefined ? ctx.location.key() : ctx.location.child('responses').key(),
    });
  });
