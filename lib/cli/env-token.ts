/**
 * The internal token the CLI sends when none is given: `INTEXURAOS_INTERNAL_AUTH_TOKEN`, else
 * `INTERNAL_AUTH_TOKEN`, the first of its comma-separated values (the one services send during a rotation);
 * undefined when unset or empty.
 */
export function envInternalToken(env: NodeJS.ProcessEnv): string | undefined {
  const token = (env.INTEXURAOS_INTERNAL_AUTH_TOKEN ?? env.INTERNAL_AUTH_TOKEN)?.split(',')[0]?.trim();
  return token === '' ? undefined : token;
}
