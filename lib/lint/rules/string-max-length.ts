import type { Oas3Rule } from '@redocly/openapi-core/lib/visitors.js';
import type { UserContext } from '@redocly/openapi-core/lib/walk.js';
import { asMap, schemaTypes } from './node-helpers.js';

/** Formats whose own grammar bounds the length. */
const BOUNDED_FORMATS = new Set(['date-time', 'date', 'uuid']);

/**
 * `switchboard/string-max-length`: every string schema (`type: string` or `type: [string, 'null']`)
 * sets `maxLength` unless `enum`, `const` or a bounded format (date-time, date, uuid) already bounds it.
 */
export const StringMaxLength: Oas3Rule = () => ({
  Schema(node: unknown, ctx: UserContext) {
    const schema = asMap(node);
    if (!schemaTypes(schema).includes('string')) return;
    if (schema.enum !== undefined || schema.const !== undefined) return;
    if (typeof schema.format === 'string' && BOUNDED_FORMATS.has(schema.format)) return;
    if (typeof schema.maxLength === 'number') return;
    ctx.report({
      message:
        'string schema must set maxLength (or be bounded by enum, const or format date-time/date/uuid)',
      location: schema.maxLength === undefined ? ctx.location.key() : ctx.location.child('maxLength'),
    });
  },
});
