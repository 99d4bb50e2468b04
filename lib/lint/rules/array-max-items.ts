import type { Oas3Rule } from '@redocly/openapi-core/lib/visitors.js';
import type { UserContext } from '@redocly/openapi-core/lib/walk.js';
import { asMap, schemaTypes } from './node-helpers.js';

/**
 * `switchboard/array-max-items`: every array schema (`type: array`, or untyped with `items`) sets
 * `maxItems`, so neither side has to accept unbounded lists.
 */
export const ArrayMaxItems: Oas3Rule = () => ({
  Schema(node: unknown, ctx: UserContext) {
    const schema = asMap(node);
    const types = schemaTypes(schema);
    const isArray = types.includes('array') || (types.length === 0 && schema.items !== undefined);
    if (!isArray || typeof schema.maxItems === 'number') return;
    ctx.report({
      message: 'array schema must set maxItems',
      location: schema.maxItems === undefined ? ctx.location.key() : ctx.location.child('maxItems'),
    });
  },
});
