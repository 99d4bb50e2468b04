/** Names derived from a spec: a service's file name and operationIds become TypeScript identifiers. */

/** `user-service` → `UserService`; `get_llm keys` → `GetLlmKeys`. */
export function toPascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');
}

/** `user-service` → `userService`. A leading digit gets an underscore so the result is an identifier. */
export function toCamel(name: string): string {
  const pascal = toPascal(name);
  const camel = pascal.charAt(0).toLowerCase() + pascal.slice(1);
  return /^[0-9]/.test(camel) ? `_${camel}` : camel;
}

/**
 * Makes an operationId usable as a method name: camelCase ids pass through unchanged; `get-user`,
 * `users.get` or `GET /users/{id}` become `getUser`, `usersGet`, `getUsersId`.
 */
export function toCamelIdentifier(raw: string): string {
  if (/^[a-z][A-Za-z0-9]*$/.test(raw)) return raw;
  return toCamel(raw.replaceAll(/[{}]/g, ''));
}
