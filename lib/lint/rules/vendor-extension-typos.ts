/** The operation-level vendor extensions the generated client understands. */
export const KNOWN_EXTENSIONS = ['x-idempotent', 'x-timeout-ms', 'x-retry', 'x-rate-limit'] as const;

/** Word stems that show an author meant one of the known extensions (`x-retries`, `x-request-timeout`). */
const STEMS: Array<[stem: string, extension: (typeof KNOWN_EXTENSIONS)[number]]> = [
  ['idempot', 'x-idempotent'],
  ['timeout', 'x-timeout-ms'],
  ['xretr', 'x-retry'],
  ['ratelimit', 'x-rate-limit'],
];

function squash(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known extension an unknown `x-` key was probably meant to be (`x-timeout` → `x-timeout-ms`),
 * or undefined when the key is known or unrelated.
 */
export function likelyMeant(key: string): string | undefined {
  if ((KNOWN_EXTENSIONS as readonly string[]).includes(key)) return undefined;
  const squashed = squash(key);
  for (const known of KNOWN_EXTENSIONS) {
    if (editDistance(squashed, squash(known)) <= 2) return known;
  }
  return STEMS.find(([stem]) => squashed.includes(stem))?.[1];
}
