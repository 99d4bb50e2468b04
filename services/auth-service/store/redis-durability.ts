import type { Redis } from 'ioredis';

/** The Redis settings under which revocations survive a restart and memory pressure. */
const REQUIRED: Readonly<Record<string, string>> = { appendonly: 'yes', 'maxmemory-policy': 'noeviction' };

/**
 * Reads Redis' `appendonly` and `maxmemory-policy` with `CONFIG GET` and returns one warning per setting
 * that lets revocations vanish (none when both are right). Without persistence a restart empties Redis;
 * with an evicting policy a full Redis drops keys. When CONFIG is disabled or renamed (managed Redis), it
 * returns a warning saying the settings could not be checked instead of failing.
 */
export async function durabilityWarnings(redis: Redis): Promise<string[]> {
  const warnings: string[] = [];
  for (const [name, wanted] of Object.entries(REQUIRED)) {
    let actual: string | undefined;
    try {
      const reply = (await redis.call('CONFIG', 'GET', name)) as unknown;
      actual = Array.isArray(reply) ? String(reply[1]) : undefined;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warnings.push(
        `cannot read Redis ${name} (${reason}): make sure it is "${wanted}" or revocations may be lost`,
      );
      continue;
    }
    if (actual !== wanted)
      warnings.push(`Redis ${name} is "${actual ?? 'unknown'}", not "${wanted}": revocations may be lost`);
  }
  return warnings;
}
