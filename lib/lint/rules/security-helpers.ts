import { isMap, type YamlMap } from './node-helpers.js';

/** The security that applies to an operation: its own `security`, else the root's, else none. */
export function effectiveSecurity(operation: YamlMap, root: YamlMap): YamlMap[] {
  const own = operation.security;
  const chosen = Array.isArray(own) ? own : Array.isArray(root.security) ? root.security : [];
  return chosen.filter(isMap);
}

/** True when at least one security requirement names a scheme (`[{}]` alone means anonymous). */
export function requiresCredentials(requirements: YamlMap[]): boolean {
  return requirements.some((requirement) => Object.keys(requirement).length > 0);
}
