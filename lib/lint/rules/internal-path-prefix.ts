import type { Oas3Rule } from '@redocly/openapi-core/lib/visitors.js';
import type { UserContext } from '@redocly/openapi-core/lib/walk.js';
import { asMap, operationLabel, type YamlMap } from './node-helpers.js';
import { visitOperations } from './operation-visitor.js';
import { effectiveSecurity } from './security-helpers.js';

const PREFIX = /^[a-z][a-z0-9-]*$/;

/** True for paths the internal convention governs (`/internal/...`, in any letter case). */
export function isInternalPath(path: string): boolean {
  return path.toLowerCase() === '/internal' || path.toLowerCase().startsWith('/internal/');
}

/** What is wrong with an internal path, or undefined when it follows `/internal/<prefix>/<resource>`. */
function pathProblem(path: string, declared: unknown): string | undefined {
  const [, internal, prefix = '', ...resource] = path.split('/');
  const shape = `'/internal/<prefix>/<resource...>'`;
  if (internal !== 'internal') return `internal path '${path}' must start with lowercase '/internal/'`;
  if (!PREFIX.test(prefix)) {
    return `internal path '${path}' must be ${shape} with a lowercase service prefix such as 'users' (got '${prefix}')`;
  }
  if (typeof declared === 'string' && PREFIX.test(declared) && prefix !== declared) {
    return `internal path '${path}' must use this service's prefix '/internal/${declared}/' (x-internal-prefix)`;
  }
  if (resource.length === 0 || resource.every((segment) => segment === '')) {
    return `internal path '${path}' must name a resource after the prefix: ${shape}`;
  }
  return undefined;
}

function checkDeclaredPrefix(root: YamlMap, ctx: UserContext): void {
  const declared = root['x-internal-prefix'];
  if (declared !== undefined && (typeof declared !== 'string' || !PREFIX.test(declared))) {
    ctx.report({
      message: `x-internal-prefix must be a lowercase service prefix such as 'users' (letters, digits, '-')`,
      location: ctx.location.child('x-internal-prefix'),
    });
  }
}

/**
 * `switchboard/internal-path-prefix`: internal paths are `/internal/<prefix>/...` (the prefix declared
 * by a top-level `x-internal-prefix` when present) and every internal operation requires InternalAuth.
 */
export const InternalPathPrefix: Oas3Rule = () =>
  visitOperations(
    (operation, ctx, { path, method, root }) => {
      if (!isInternalPath(path)) return;
      const requirements = effectiveSecurity(operation, root);
      if (requirements.length > 0 && requirements.every((r) => 'InternalAuth' in r)) return;
      ctx.report({
        message:
          `internal operation ${operationLabel(method, path)} must require InternalAuth in every security ` +
          `requirement: set security: [{ InternalAuth: [] }]`,
        location: operation.security !== undefined ? ctx.location.child('security') : ctx.location.key(),
      });
    },
    (root, ctx) => {
      checkDeclaredPrefix(root, ctx);
      for (const path of Object.keys(asMap(root.paths))) {
        if (!isInternalPath(path)) continue;
        const message = pathProblem(path, root['x-internal-prefix']);
        if (message !== undefined)
          ctx.report({ message, location: ctx.location.child(['paths', path]).key() });
      }
    },
  );
