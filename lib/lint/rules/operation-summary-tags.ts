import type { Oas3Rule } from '@redocly/openapi-core/lib/visitors.js';
import { operationLabel } from './node-helpers.js';
import { visitOperations } from './operation-visitor.js';

/** `switchboard/operation-summary-tags`: every operation has a non-empty summary and at least one tag. */
export const OperationSummaryTags: Oas3Rule = () =>
  visitOperations((operation, ctx, { path, method }) => {
    const label = operationLabel(method, path);
    const { summary, tags } = operation;
    if (typeof summary !== 'string' || summary.trim() === '') {
      ctx.report({
        message: `operation ${label} must have a non-empty summary: add a one-line summary`,
        location: summary === undefined ? ctx.location.key() : ctx.location.child('summary'),
      });
    }
    const named = Array.isArray(tags) && tags.some((tag) => typeof tag === 'string' && tag.trim() !== '');
    if (!named) {
      ctx.report({
        message: `operation ${label} must have at least one tag: add tags: [<service or resource>]`,
        location: tags === undefined ? ctx.location.key() : ctx.location.child('tags'),
      });
    }
  });
