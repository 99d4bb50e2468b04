import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../lib/server/internal-auth.js';
import {
  createLlmKeyCipher,
  KeyDecryptionError,
} from '../../../services/user-service/crypto/llm-key-cipher.js';

const cipher = createLlmKeyCipher(randomBytes(32));
const KEY = 'sk-ant-api03-very-secret-key-ü-✓';
const CONTEXT = 'user-service/llm-key/usr_ada/anthropic';

/** Flips one bit of the base64url part `index` (1 iv, 2 tag, 3 ciphertext) of a sealed value. */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('LlmKeyCipher (AES-256-GCM)', () => {
  it('opens what it sealed', () => {
    expect(cipher.open(cipher.seal(KEY, CONTEXT), CONTEXT)).toBe(KEY);
  });

  it('uses a fresh 12-byte IV per value and never shows the plaintext', () => {
    const a = cipher.seal(KEY, CONTEXT);
    const b = cipher.seal(KEY, CONTEXT);
    expect(a).not.toBe(b);
    const [version, iv, tag] = a.split('.');
    expect(version).toBe('v1');
    expect(Buffer.from(iv ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag ?? '', 'base64url')).toHaveLength(16);
    for (const shown of [
      KEY,
      'very-secret',
      Buffer.from(KEY).toString('base64'),
      Buffer.from(KEY).toString('hex'),
    ])
      expect(a).not.toContain(shown);
  });

  it.each([
    ['IV', 1],
    ['tag', 2],
    ['ciphertext', 3],
  ])('refuses a value whose %s was tampered with', (_name, index) => {
    expect(() => cipher.open(tamper(cipher.seal(KEY, CONTEXT), index), CONTEXT)).toThrow(KeyDecryptionError);
  });

  it('refuses a value sealed for another user or provider, or under another key', () => {
    const sealed = cipher.seal(KEY, CONTEXT);
    expect(() => cipher.open(sealed, 'user-service/llm-key/usr_eve/anthropic')).toThrow(KeyDecryptionError);
    expect(() => createLlmKeyCipher(randomBytes(32)).open(sealed, CONTEXT)).toThrow(KeyDecryptionError);
  });

  it.each([
    '',
    'plaintext',
    'v2.a.b.c',
    'v1.a.b',
    'v1.a.b.c.d',
    'v1...',
  ])('refuses the malformed value %j', (value) => {
    expect(() => cipher.open(value, CONTEXT)).toThrow(KeyDecryptionError);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createLlmKeyCipher(randomBytes(16))).toThrow(ConfigError);
  });
});
