/**
 * Where a client sends its calls: one base URL, or the base URLs of a downstream's replicas as an array or
 * as one comma-separated string (what an env var such as `INTEXURAOS_USER_SERVICE_URL` holds).
 */
export type BaseUrl = string | readonly string[];

/** Most replicas one client balances over. */
export const MAX_REPLICAS = 64;

/**
 * Checks `baseUrl` once, at construction, and returns the base URLs without trailing slashes. Each must be
 * http(s) with a host; all must share one path prefix (the path is appended to each as it is); none may
 * repeat. Throws a TypeError naming the client and the offending entry.
 */
export function parseOrigins(service: string, baseUrl: unknown): string[] {
  const entries =
    typeof baseUrl === 'string'
      ? baseUrl.split(',').map((s) => s.trim())
      : Array.isArray(baseUrl)
        ? (baseUrl as unknown[])
        : undefined;
  if (entries === undefined || entries.length === 0 || (entries.length === 1 && entries[0] === ''))
    throw new TypeError(
      `${service} client: baseUrl must be an http(s) URL or a list of them, got ${JSON.stringify(baseUrl)}`,
    );
  if (entries.length > MAX_REPLICAS)
    throw new TypeError(`${service} client: baseUrl lists ${entries.length} URLs, at most ${MAX_REPLICAS}`);
  const bases: string[] = [];
  let prefix: string | undefined;
  for (const [i, entry] of entries.entries()) {
    const name = entries.length === 1 ? 'baseUrl' : `baseUrl[${i}]`;
    if (typeof entry !== 'string' || !/^https?:\/\/[^/\s]/.test(entry))
      throw new TypeError(`${service} client: ${name} must be an http(s) URL, got ${JSON.stringify(entry)}`);
    const base = entry.replace(/\/+$/, '');
    let path: string;
    try {
      path = new URL(base).pathname.replace(/\/+$/, '');
    } catch {
      throw new TypeError(`${service} client: ${name} is not a valid URL: ${JSON.stringify(entry)}`);
    }
    if (prefix !== undefined && path !== prefix)
      throw new TypeError(
        `${service} client: ${name} (${base}) has path prefix '${path}' but baseUrl[0] has '${prefix}'; replicas must share one`,
      );
    if (bases.includes(base)) throw new TypeError(`${service} client: baseUrl lists ${base} twice`);
    prefix = path;
    bases.push(base);
  }
  return bases;
}
