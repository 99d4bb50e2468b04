import type { Oas3Rule } from '@redocly/openapi-core/lib/visitors.js';
import { operationLabel } from './node-helpers.js';
import { leadingVerb } from './operation-verbs.js';
import { visitOperations } from './operation-visitor.js';

const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

/**
 * `switchboard/operation-id`: every operation has an operationId, unique in the file, in camelCase
 * starting with a lowercase verb (`getLlmKeys`). Generated client methods are named after it.
 */
export const OperationId: Oas3Rule = () => {
  const seen = new Map<string, string>();
  return visitOperations((operation, ctx, { path, method }) => {
    const label = operationLabel(method, path);
    const id = operation.operationId;
    if (id === undefined) {
      ctx.report({
        message: `operation ${label} has no operationId: add a camelCase one starting with a verb, e.g. getUser`,
        location: ctx.location.key(),
      });
      return;
    }
    const location = ctx.location.child('operationId');
    if (typeof id !== 'string' || !CAMEL_CASE.test(id)) {
      ctx.report({
        message: `operationId '${String(id)}' must be camelCase (letters and digits, starting lowercase), e.g. getLlmKeys`,
        location,
      });
    } else if (leadingVerb(id) === undefined) {
      ctx.report({
        message: `operationId '${id}' must start with a verb such as get, list, create, update, delete, send, verify, report`,
        location,
      });
    }
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, label);
    } else {
      ctx.report({
        message: `operationId '${id}' is already used by ${first}: rename one of them`,
        location,
      });
    }
  });
};
