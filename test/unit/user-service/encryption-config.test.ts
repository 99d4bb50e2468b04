import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createFakeAuthServiceClient } from '../../../generated/auth-service/fake.js';
import { ConfigError } from '../../../lib/server/internal-auth.js';
import { buildUserApp } from '../../../services/user-service/app.js';
import { readUserConfig } from '../../../services/user-service/config.js';
import { parseEncryptionKey } from '../../../services/user-service/crypto/encryption-key.js';
import { memoryUserStore } from '../../../services/user-service/store/memory-user-store.js';
import { INTERNAL_TOKEN } from './user-app.js';

const KEY = randomBytes(32);
const env = (extra: Record<string, string>) => ({ INTEXURAOS_INTERNAL_AUTH_TOKEN: INTERNAL_TOKEN, ...extra });

describe('parseEncryptionKey', () => {
  it('reads 64 hex characters or base64 of 32 bytes', () => {
    expect(parseEncryptionKey(KEY.toString('hex'))).toEqual(KEY);
    expect(parseEncryptionKey(KEY.toString('hex').toUpperCase())).toEqual(KEY);
    expect(parseEncryptionKey(` ${KEY.toString('base64')}\n`)).toEqual(KEY);
  });

  it.each([
    ['unset', undefined, /LLM_KEYS_ENCRYPTION_KEY is not set/],
    ['empty', '  ', /not set/],
    ['short hex', randomBytes(16).toString('hex'), /is 32 hex characters; AES-256-GCM needs 64/],
    ['long hex', randomBytes(33).toString('hex'), /is 66 hex characters/],
    ['short base64', randomBytes(24).toString('base64'), /decodes to 24 bytes; AES-256-GCM needs 32/],
    ['long base64', randomBytes(48).toString('base64'), /decodes to 48 bytes/],
    ['neither', 'not a key at all!', /neither hex nor base64/],
    ['all zeros', '0'.repeat(64), /placeholder/],
  ])('refuses a key that is %s, without echoing it', (_name, raw, message) => {
    expect(() => parseEncryptionKey(raw)).toThrow(ConfigError);
    expect(() => parseEncryptionKey(raw)).toThrow(message);
    try {
      parseEncryptionKey(raw);
    } catch (error) {
      if (raw !== undefined && raw.trim() !== '') expect((error as Error).message).not.toContain(raw.trim());
    }
  });
});

describe('user-service refuses to start without a proper key', () => {
  it('reads its settings with their defaults', () => {
    const config = readUserConfig(env({ LLM_KEYS_ENCRYPTION_KEY: KEY.toString('base64') }));
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3002,
      authServiceUrl: 'http://localhost:3001',
      redisUrl: undefined,
      internalTokens: [INTERNAL_TOKEN],
    });
    expect(config.encryptionKey).toEqual(KEY);
  });

  it('throws ConfigError from the config without a key or with a short one', () => {
    expect(() => readUserConfig(env({}))).toThrow(/LLM_KEYS_ENCRYPTION_KEY is not set/);
    expect(() => readUserConfig(env({ LLM_KEYS_ENCRYPTION_KEY: 'abcd'.repeat(8) }))).toThrow(ConfigError);
    expect(() =>
      readUserConfig(
        env({ LLM_KEYS_ENCRYPTION_KEY: KEY.toString('hex'), AUTH_SERVICE_URL: 'localhost:3001' }),
      ),
    ).toThrow(/AUTH_SERVICE_URL/);
  });

  it('rejects building the app with a key that is not 32 bytes', async () => {
    const deps = {
      store: memoryUserStore(),
      internalTokens: [INTERNAL_TOKEN],
      authClient: createFakeAuthServiceClient(),
    };
    await expect(buildUserApp({ ...deps, encryptionKey: randomBytes(31), logger: false })).rejects.toThrow(
      ConfigError,
    );
  });
});

describe('main.ts', () => {
  it.concurrent.each([
    ['without a key', {}, /LLM_KEYS_ENCRYPTION_KEY is not set/],
    [
      'with a short key',
      { LLM_KEYS_ENCRYPTION_KEY: randomBytes(16).toString('base64') },
      /decodes to 16 bytes/,
    ],
  ])('exits 1 with one clear line %s', async (_name, extra, message) => {
    const run = promisify(execFile)(
      process.execPath,
      ['--conditions=switchboard-source', '--import', 'tsx', 'services/user-service/main.ts'],
      {
        env: { PATH: process.env.PATH, PORT: '0', ...env(extra) },
        timeout: 10_000,
      },
    );
    const failure = await run.then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr?.trim()).toMatch(message);
    expect(failure?.stderr?.trim()).toMatch(/^user-service: refusing to start: [^\n]+$/);
  });
});
