import type { Oas3Rule } from '@redocly/openapi-core/lib/visitors.js';
import { asMap, operationLabel } from './node-helpers.js';
import { visitOperations } from './operation-visitor.js';
import { effectiveSecurity, requiresCredentials } from './security-helpers.js';

/**
 * `switchboard/secured-documents-401`: an operation whose effective security (its own, else the
 * root's) names a scheme documents a 401 response, so clients get a typed Unauthorized result.
 */
export const SecuredDocuments401: Oas3Rule = () =>
  visitOperations((operation, ctx, { path, method, root }) => {
    if (!requiresCredentials(effectiveSecurity(operation, root))) return;
    if ('401' in asMap(operation.responses)) return;
    ctx.report({
      message:
        `secured operation ${operationLabel(method, path)} must document a 401 response, e.g. ` +
        `'401': { $ref: './common.yaml#/components/responses/Unauthorized' }`,
      location:
        operation.responses === undefined ? ctx.location.key() : ctx.location.child('responses').key(),
    });
  });
