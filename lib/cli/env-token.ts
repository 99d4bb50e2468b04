/**
 * The internal token the CLI sends when none is given: `INTEXURAOS_INTERNAL_AUTH_TOKEN`, else
 * `INTERNAL_AUTH_TOKEN`, the first of its comma-separated values (the one services send during a rotation).
 */
export function envInternalToken(env: NodeJS.ProcessEnv): string | undefined {
  return (env.INTEXURAOS_INTERNAL_AUTH_TOKEN ?? env.INTERNAL_AUTH_TOKEN)?.split(',')[0]?.trim();
}
