/**
 * Path parameters keyed back by their spec names: Fastify routes `{enterprise-team}` as `:enterprise_team`
 * (see the generated route's `paramNames`), handlers read `params['enterprise-team']` as the types say.
 */
export function specNamedParams(
  params: unknown,
  names: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params as Record<string, unknown>))
    out[names[key] ?? key] = value;
  return out;
}
