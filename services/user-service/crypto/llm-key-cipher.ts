import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConfigError } from 'switchboard/server';
import { ENCRYPTION_KEY_BYTES } from './encryption-key.js';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

/** A sealed value could not be opened: tampered, sealed under another key or context, or malformed. */
export class KeyDecryptionError extends Error {
  override readonly name = 'KeyDecryptionError';
}

/**
 * Seals and opens LLM API keys with AES-256-GCM. A sealed value is `v1.<iv>.<tag>.<ciphertext>` (base64url),
 * with a fresh random 12-byte IV each time. `context` is authenticated but not stored (GCM additional data):
 * a value sealed for one user and provider does not open for another, so ciphertexts cannot be swapped.
 */
export interface LlmKeyCipher {
  seal(plaintext: string, context: string): string;
  /** Throws KeyDecryptionError when the value does not authenticate. */
  open(sealed: string, context: string): string;
}

/** A cipher under `key` (32 bytes; anything else is a ConfigError). */
export function createLlmKeyCipher(key: Buffer): LlmKeyCipher {
  if (key.length !== ENCRYPTION_KEY_BYTES)
    throw new ConfigError(
      `the LLM key encryption key must be ${ENCRYPTION_KEY_BYTES} bytes, not ${key.length}`,
    );
  const secret = Buffer.from(key);
  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, secret, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), ciphertext]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed, context) {
      const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
      if (
        version !== VERSION ||
        iv === undefined ||
        tag === undefined ||
        ciphertext === undefined ||
        rest.length > 0
      )
        throw new KeyDecryptionError('sealed LLM key is malformed');
      try {
        const decipher = createDecipheriv(ALGORITHM, secret, Buffer.from(iv, 'base64url'), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        const plain = Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]);
        return plain.toString('utf8');
      } catch (error) {
        throw new KeyDecryptionError('sealed LLM key does not authenticate', { cause: error });
      }
    },
  };
}
