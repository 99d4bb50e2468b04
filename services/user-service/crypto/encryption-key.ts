import { ConfigError } from 'switchboard/server';

/** Length in bytes of an AES-256 key. */
export const ENCRYPTION_KEY_BYTES = 32;

const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HOW =
  'use 32 random bytes as 64 hex characters (`openssl rand -hex 32`) or base64 (`openssl rand -base64 32`)';

/**
 * Decodes the LLM key encryption key (`LLM_KEYS_ENCRYPTION_KEY`, or `name`): 64 hex characters, or base64 of
 * exactly 32 bytes. Throws ConfigError when it is unset, has the wrong length or encoding, or is obviously
 * not random; the message says what to set and never contains the value.
 */
export function parseEncryptionKey(raw: string | undefined, name = 'LLM_KEYS_ENCRYPTION_KEY'): Buffer {
  const value = raw?.trim() ?? '';
  if (value === '') throw new ConfigError(`${name} is not set: ${HOW}`);
  // Base64 of 32 bytes always ends in '=', so a value of hex digits only is meant as hex.
  if (HEX.test(value) && value.length !== ENCRYPTION_KEY_BYTES * 2)
    throw new ConfigError(`${name} is ${value.length} hex characters; AES-256-GCM needs 64: ${HOW}`);
  if (!HEX.test(value) && !BASE64.test(value))
    throw new ConfigError(`${name} is neither hex nor base64: ${HOW}`);
  const key = Buffer.from(value, HEX.test(value) ? 'hex' : 'base64');
  if (key.length !== ENCRYPTION_KEY_BYTES)
    throw new ConfigError(`${name} decodes to ${key.length} bytes; AES-256-GCM needs 32: ${HOW}`);
  if (new Set(key).size < 8) throw new ConfigError(`${name} looks like a placeholder: ${HOW}`);
  return key;
}
