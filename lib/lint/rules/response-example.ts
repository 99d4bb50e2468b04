import { isRef } from '@redocly/openapi-core';
import type { Location } from '@redocly/openapi-core/lib/ref-utils.js';
import type { Oas3Rule } from '@redocly/openapi-core/lib/visitors.js';
import type { UserContext } from '@redocly/openapi-core/lib/walk.js';
import { asMap, isJsonMediaType, isMap } from './node-helpers.js';

/** How a response key is treated: 2xx needs schema and example, errors and named responses an example. */
type ResponseKind = 'success' | 'error' | 'other';

function kindOf(status: string): ResponseKind | undefined {
  if (/^2(\d\d|XX)$/i.test(status)) return 'success';
  if (/^[45](\d\d|XX)$/i.test(status) || status === 'default') return 'error';
  return /^[13]/.test(status) ? undefined : 'other';
}

function hasExample(mediaType: Record<string, unknown>): boolean {
  return (
    mediaType.example !== undefined ||
    (isMap(mediaType.examples) && Object.keys(mediaType.examples).length > 0)
  );
}

function checkResponse(response: unknown, location: Location, kind: ResponseKind, ctx: UserContext): void {
  for (const [name, value] of Object.entries(asMap(asMap(response).content))) {
    if (!isJsonMediaType(name)) continue;
    const mediaType = asMap(value);
    const at = location.child(['content', name]).key();
    if (kind === 'success' && mediaType.schema === undefined) {
      ctx.report({
        message: `2xx ${name} response must have a schema: add schema under content.${name}`,
        location: at,
      });
    }
    if (!hasExample(mediaType)) {
      ctx.report({
        message: `${name} response must have an example: add example (or non-empty examples) under content.${name}, Prism serves it`,
        location: at,
      });
    }
  }
}

/**
 * `switchboard/response-example`: every 2xx JSON response has a schema and an example on the media
 * type; every 4xx/5xx (and `default`) JSON response, and every named response in components, has an example.
 */
export const ResponseExample: Oas3Rule = () => ({
  Responses(node: unknown, ctx: UserContext) {
    for (const [status, value] of Object.entries(asMap(node))) {
      const kind = kindOf(status);
      if (kind === undefined || !isMap(value)) continue;
      const resolved = ctx.resolve(value);
      if (resolved.location === undefined) continue;
      const location = isRef(value) ? resolved.location : ctx.location.child(status);
      checkResponse(resolved.node, location, kind, ctx);
    }
  },
  NamedResponses(node: unknown, ctx: UserContext) {
    for (const [name, value] of Object.entries(asMap(node))) {
      if (!isMap(value)) continue;
      const resolved = ctx.resolve(value);
      if (resolved.location === undefined) continue;
      const location = isRef(value) ? resolved.location : ctx.location.child(name);
      checkResponse(resolved.node, location, 'other', ctx);
    }
  },
});
