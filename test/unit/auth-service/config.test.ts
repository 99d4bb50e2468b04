import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../lib/server/index.js';
import { readAuthConfig } from '../../../services/auth-service/config.js';
import { INTERNAL, SECRET } from './auth-test-setup.js';

const base = { INTEXURAOS_INTERNAL_AUTH_TOKEN: INTERNAL.join(','), JWT_SECRET: SECRET };

describe('readAuthConfig', () => {
  it('reads the defaults', () => {
    const config = readAuthConfig(base);
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3001,
      internalTokens: [...INTERNAL],
      redisUrl: undefined,
      tokens: { issuer: 'switchboard-auth', audience: 'switchboard' },
    });
    expect(Buffer.from(config.tokens.key).toString()).toBe(SECRET);
  });

  it('reads every variable', () => {
    const config = readAuthConfig({
      ...base,
      HOST: '0.0.0.0',
      PORT: '4001',
      REDIS_URL: 'redis://127.0.0.1:6390',
      JWT_ISSUER: 'iss-x',
      JWT_AUDIENCE: 'aud-y',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 4001,
      redisUrl: 'redis://127.0.0.1:6390',
      tokens: { issuer: 'iss-x', audience: 'aud-y' },
    });
  });

  it.each([
    ['missing', undefined, /JWT_SECRET is not set/],
    ['empty', '   ', /JWT_SECRET is not set/],
    ['31 characters', SECRET.slice(0, 31), /31 characters long; use at least 32/],
    ['a placeholder word', 'change-me-to-a-long-random-value-please', /placeholder/],
    ['a dev default', 'super-secret-jwt-key-for-development-only', /placeholder/],
    ['jwt.io style', 'your-256-bit-secret-your-256-bit-secret', /placeholder/],
    ['too few distinct characters', 'abababababababababababababababab', /placeholder/],
  ])('refuses to start with a JWT_SECRET that is %s', (_name, secret, message) => {
    const env = { ...base, JWT_SECRET: secret };
    expect(() => readAuthConfig(env)).toThrow(ConfigError);
    expect(() => readAuthConfig(env)).toThrow(message);
  });

  it('refuses to start without a strong internal token or with a bad port', () => {
    expect(() => readAuthConfig({ JWT_SECRET: SECRET })).toThrow(ConfigError);
    expect(() => readAuthConfig({ ...base, PORT: '70000' })).toThrow(/PORT=70000/);
  });

  it('never puts the secret in its error messages', () => {
    const weak = 'xxxxyyyyxxxxyyyyxxxxyyyyxxxxyyyyzz';
    expect(() => readAuthConfig({ ...base, JWT_SECRET: weak })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(weak) }),
    );
  });
});
