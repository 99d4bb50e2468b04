import type { Oas3Rule } from '@redocly/openapi-core/lib/visitors.js';
import type { UserContext } from '@redocly/openapi-core/lib/walk.js';
import { asMap, type YamlMap } from './node-helpers.js';

const HEADER = 'X-Internal-Auth';
const SCHEME = 'InternalAuth';

function isInternalAuthHeader(name: unknown): boolean {
  return typeof name === 'string' && name.toLowerCase() === HEADER.toLowerCase();
}

function checkScheme(scheme: YamlMap, ctx: UserContext): void {
  const expected: Array<[field: string, ok: boolean, want: string]> = [
    ['type', scheme.type === 'apiKey', 'apiKey'],
    ['in', scheme.in === 'header', 'header'],
    ['name', isInternalAuthHeader(scheme.name), HEADER],
  ];
  for (const [field, ok, want] of expected) {
    if (ok) continue;
    const location = field in scheme ? ctx.location.child(field) : ctx.location.key();
    ctx.report({ message: `security scheme ${SCHEME} must set ${field}: ${want}`, location });
  }
}

/**
 * `switchboard/internal-auth-scheme`: the `InternalAuth` security scheme is an apiKey in header
 * `X-Internal-Auth`, no other scheme claims that header, and the header is never modelled as a parameter.
 */
export const InternalAuthScheme: Oas3Rule = () => ({
  SecurityScheme(node: unknown, ctx: UserContext) {
    const scheme = asMap(node);
    if (ctx.key === SCHEME) {
      checkScheme(scheme, ctx);
    } else if (scheme.type === 'apiKey' && isInternalAuthHeader(scheme.name)) {
      ctx.report({
        message: `security scheme '${String(ctx.key)}' uses the ${HEADER} header: name it ${SCHEME}`,
        location: ctx.location.key(),
      });
    }
  },
  Parameter(node: unknown, ctx: UserContext) {
    const parameter = asMap(node);
    if (parameter.in !== 'header' || !isInternalAuthHeader(parameter.name)) return;
    ctx.report({
      message:
        `${HEADER} must not be a header parameter: remove it and add security: [{ ${SCHEME}: [] }] ` +
        `(model it as a security scheme, Prism answers 422 otherwise instead of 401)`,
      location: ctx.location.child('name'),
    });
  },
});
