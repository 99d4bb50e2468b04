/**
 * Fastify route URLs for spec path templates. Fastify's router ends a parameter name at `-` or `.` (so
 * `:user-id` would match `/<v>-id` as `user`) and reads `:` as the start of a parameter, so a parameter
 * whose spec name holds anything but letters, digits and `_` gets a route name made of those, and a literal
 * `:` is escaped as `::`.
 */

/** Route names for the path parameter names of one path, by spec name: unchanged when already routable. */
export function routeParamNames(specNames: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set(specNames.filter(isRoutable));
  for (const name of specNames) {
    if (isRoutable(name)) {
      out.set(name, name);
      continue;
    }
    const base = name.replaceAll(/[^A-Za-z0-9_]/g, '_') || 'param';
    let routeName = base;
    for (let n = 2; taken.has(routeName); n++) routeName = `${base}_${n}`;
    taken.add(routeName);
    out.set(name, routeName);
  }
  return out;
}

/**
 * `/teams/{enterprise-team}/v1:run` → `/teams/:enterprise_team/v1::run`, given the route names. A parameter
 * followed by `:` (`/{name}:cancel`) gets a pattern that stops at `:`, since Fastify would otherwise read
 * `name::cancel` as the parameter's name.
 */
export function fastifyUrl(path: string, routeNames: ReadonlyMap<string, string>): string {
  const parts = path.split(/(\{[^}]+\})/);
  return parts
    .map((part, i) => {
      if (!part.startsWith('{')) return part.replaceAll(':', '::');
      const name = part.slice(1, -1);
      const stop = parts[i + 1]?.startsWith(':') === true ? '(^[^:]+)' : '';
      return `:${routeNames.get(name) ?? name}${stop}`;
    })
    .join('');
}

function isRoutable(name: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(name);
}
