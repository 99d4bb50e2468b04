import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../lib/server/internal-auth.js';
import { readWhatsappConfig } from '../../../services/whatsapp-service/config.js';
import { NEXT_TOKEN, TOKEN } from './helpers.js';

describe('readWhatsappConfig', () => {
  it('defaults to 127.0.0.1:3004 and the in-memory store', () => {
    expect(readWhatsappConfig({ INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN })).toEqual({
      host: '127.0.0.1',
      port: 3004,
      internalTokens: [TOKEN],
      redisUrl: undefined,
    });
  });

  it('reads HOST, PORT, REDIS_URL and rotated tokens', () => {
    const config = readWhatsappConfig({
      HOST: '0.0.0.0',
      PORT: '4004',
      REDIS_URL: 'redis://127.0.0.1:6379',
      INTERNAL_AUTH_TOKEN: `${TOKEN},${NEXT_TOKEN}`,
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 4004,
      internalTokens: [TOKEN, NEXT_TOKEN],
      redisUrl: 'redis://127.0.0.1:6379',
    });
  });

  it('refuses a missing token or a bad port', () => {
    expect(() => readWhatsappConfig({})).toThrow(ConfigError);
    expect(() => readWhatsappConfig({ INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN, PORT: 'x' })).toThrow(/PORT=x/);
  });
});
