import type { Oas3Rule } from '@redocly/openapi-core/lib/visitors.js';
import type { UserContext } from '@redocly/openapi-core/lib/walk.js';
import { asMap, isMap, schemaTypes } from './node-helpers.js';

/** True for `false` or a non-empty value schema (a map); `true` and `{}` leave the object open. */
function closes(keyword: unknown): boolean {
  return keyword === false || (isMap(keyword) && Object.keys(keyword).length > 0);
}

/**
 * `switchboard/closed-objects`: every object schema (`type: object` or with `properties`) sets
 * `additionalProperties: false`, or a value schema when it is a map. `unevaluatedProperties: false`
 * is accepted too, for objects composed with allOf. Applies wherever the walker finds a schema:
 * components, parameters, bodies, responses, properties, items and allOf/oneOf/anyOf branches.
 */
export const ClosedObjects: Oas3Rule = () => ({
  Schema(node: unknown, ctx: UserContext) {
    const schema = asMap(node);
    const isObject = schemaTypes(schema).includes('object') || isMap(schema.properties);
    if (!isObject || closes(schema.additionalProperties) || schema.unevaluatedProperties === false) return;
    const present = schema.additionalProperties !== undefined;
    ctx.report({
      message: present
        ? 'object schema leaves additionalProperties open: set it to false (or to a value schema for a map)'
        : 'object schema must set additionalProperties: false (or a value schema for a map)',
      location: present ? ctx.location.child('additionalProperties') : ctx.location.key(),
    });
  },
});
