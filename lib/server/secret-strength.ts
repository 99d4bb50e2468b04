import { ConfigError } from './config-error.js';

/** Words found in example and placeholder secrets, never in a random one of 32+ characters. */
const PLACEHOLDER_WORDS =
  /change-?me|placeholder|replace-?me|your[-_]|secret|password|example|sample|dummy|todo|xxxx/i;

/** Shortest accepted shared secret, in characters. */
export const MIN_SECRET_LENGTH = 32;

/**
 * Refuses a secret a service must not start with: missing or blank, shorter than `minLength` (default 32),
 * or a placeholder (a known placeholder word, or fewer than 8 distinct characters). The ConfigError names
 * the variable (`name`, e.g. `JWT_SECRET (token 2 of 2)`) and never contains the value.
 */
export function assertStrongSecret(
  name: string,
  value: string | undefined,
  minLength = MIN_SECRET_LENGTH,
): string {
  const secret = value?.trim() ?? '';
  if (secret === '') {
    throw new ConfigError(
      `${name} is not set: set it to a random secret of at least ${minLength} characters (e.g. \`openssl rand -hex 32\`)`,
    );
  }
  if (secret.length < minLength)
    throw new ConfigError(`${name} is ${secret.length} characters long; use at least ${minLength}`);
  if (PLACEHOLDER_WORDS.test(secret) || new Set(secret).size < 8)
    throw new ConfigError(`${name} looks like a placeholder; set a random secret`);
  return secret;
}
