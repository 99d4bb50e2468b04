/**
 * Verbs an operationId may start with (`getLlmKeys`, `reportLlmSuccess`). Extend the list when a
 * genuinely new kind of action appears; do not add nouns.
 */
export const OPERATION_VERBS: readonly string[] = [
  'accept acknowledge add apply approve archive assign attach authenticate authorize cancel',
  'check clear close complete confirm connect count create decrypt delete detach disable',
  'disconnect download enable encrypt exchange export fetch find generate get grant import invite',
  'invoke issue link list lock login logout lookup mark notify open patch ping post publish purge',
  'put query record refresh register reject remove rename replace report reset resolve restore',
  'retry revoke rotate run schedule search send set sign start stop submit subscribe sync track',
  'trigger unlink unlock unregister unsubscribe update upload upsert validate verify',
]
  .join(' ')
  .split(' ');

/** The verb an operationId starts with (`getLlmKeys` → `get`), or undefined (`settings` has none). */
export function leadingVerb(operationId: string): string | undefined {
  const verb = /^[a-z]+/.exec(operationId)?.[0] ?? '';
  for (let end = verb.length; end > 0; end--) {
    const candidate = verb.slice(0, end);
    const next = operationId.charAt(end);
    if (OPERATION_VERBS.includes(candidate) && (next === '' || /[A-Z0-9]/.test(next))) return candidate;
  }
  return undefined;
}
