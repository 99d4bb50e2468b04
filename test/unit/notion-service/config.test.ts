import { randomBytes } from 'node:crypto';
import { ConfigError } from 'switchboard/server';
import { describe, expect, it } from 'vitest';
import { readNotionConfig } from '../../../services/notion-service/config.js';

const TOKEN = randomBytes(32).toString('hex');
const NEXT = randomBytes(32).toString('hex');
const base = { INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN };

describe('readNotionConfig', () => {
  it('defaults to 127.0.0.1:3003 and the in-memory store', () => {
    expect(readNotionConfig(base)).toEqual({
      host: '127.0.0.1',
      port: 3003,
      internalTokens: [TOKEN],
      redisUrl: undefined,
    });
  });

  it('reads HOST, PORT, REDIS_URL and rotated tokens; blank values count as unset', () => {
    expect(
      readNotionConfig({
        HOST: ' 0.0.0.0 ',
        PORT: '4003',
        REDIS_URL: ' redis://127.0.0.1:6390 ',
        INTEXURAOS_INTERNAL_AUTH_TOKEN: `${TOKEN},${NEXT}`,
      }),
    ).toEqual({
      host: '0.0.0.0',
      port: 4003,
      internalTokens: [TOKEN, NEXT],
      redisUrl: 'redis://127.0.0.1:6390',
    });
    expect(readNotionConfig({ ...base, HOST: '', PORT: ' ', REDIS_URL: '  ' })).toMatchObject({
      host: '127.0.0.1',
      port: 3003,
      redisUrl: undefined,
    });
    expect(readNotionConfig({ INTERNAL_AUTH_TOKEN: NEXT }).internalTokens).toEqual([NEXT]);
    expect(readNotionConfig({ ...base, REDIS_URL: 'rediss://:secret@cache.internal:6380/2' }).redisUrl).toBe(
      'rediss://:secret@cache.internal:6380/2',
    );
  });

  it.each([
    ['no token', {}, /^INTERNAL_AUTH_TOKEN is not set/],
    [
      'a blank token',
      { INTEXURAOS_INTERNAL_AUTH_TOKEN: ' , ' },
      /^INTEXURAOS_INTERNAL_AUTH_TOKEN is not set/,
    ],
    [
      'a short token',
      { INTEXURAOS_INTERNAL_AUTH_TOKEN: 'n0tion-short' },
      /12 characters long; use at least 32/,
    ],
    [
      'a placeholder token',
      { INTEXURAOS_INTERNAL_AUTH_TOKEN: 'your-internal-token-goes-here-please-0123' },
      /looks like a placeholder/,
    ],
    [
      'a weak rotated-in token',
      { INTERNAL_AUTH_TOKEN: `${TOKEN},${'ab'.repeat(20)}` },
      /^INTERNAL_AUTH_TOKEN \(token 2 of 2\) looks like a placeholder/,
    ],
    ['a PORT that is not a number', { ...base, PORT: 'http' }, /^PORT=http is not a TCP port \(0-65535\)$/],
    ['a PORT out of range', { ...base, PORT: '65536' }, /^PORT=65536 is not a TCP port/],
    ['a negative PORT', { ...base, PORT: '-1' }, /^PORT=-1 is not a TCP port/],
    ['a fractional PORT', { ...base, PORT: '80.5' }, /^PORT=80\.5 is not a TCP port/],
    [
      'a REDIS_URL without its scheme',
      { ...base, REDIS_URL: '127.0.0.1:6379' },
      /^REDIS_URL=127\.0\.0\.1:6379 is not a redis:\/\/ or rediss:\/\/ URL/,
    ],
    [
      'an http REDIS_URL',
      { ...base, REDIS_URL: 'http://cache:6379' },
      /^REDIS_URL=http:\/\/cache:6379 is not/,
    ],
    ['a REDIS_URL without a host', { ...base, REDIS_URL: 'redis://' }, /^REDIS_URL=redis:\/\/ is not/],
    [
      'a REDIS_URL with a password and the wrong scheme, without printing the password',
      { ...base, REDIS_URL: 'http://:s3cret-pw@cache:6379' },
      /^REDIS_URL=http:\/\/\*\*\*@cache:6379 is not/,
    ],
  ])('refuses %s', (_name, env, message) => {
    const read = () => readNotionConfig(env);
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
    expect(read).toThrow(expect.objectContaining({ message: expect.not.stringContaining('n0tion-short') }));
  });
});
