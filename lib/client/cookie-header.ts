/**
 * Adds cookie parameters to a call's `cookie` header (after any cookie the caller's headers already carry):
 * `name=value` pairs joined by `; `, values percent-encoded (OpenAPI's `form` style, as a server's cookie
 * parser decodes them), arrays joined by `,`. Undefined and null values are left out.
 */
export function addCookies(
  headers: Record<string, string>,
  cookies: Readonly<Record<string, unknown>>,
): void {
  const pairs: string[] = [];
  for (const name in cookies) {
    const value = cookies[name];
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.map(String).join(',') : String(value);
    pairs.push(`${name}=${encodeURIComponent(text)}`);
  }
  if (pairs.length === 0) return;
  const prior = headers.cookie;
  headers.cookie = prior === undefined || prior === '' ? pairs.join('; ') : `${prior}; ${pairs.join('; ')}`;
}
