import { randomBytes } from 'node:crypto';
import { ConfigError } from 'switchboard/server';
import { describe, expect, it } from 'vitest';
import { readOrchestratorConfig } from '../../../services/llm-orchestrator/config.js';

const TOKEN = randomBytes(32).toString('hex');
const NEXT = randomBytes(32).toString('hex');
const base = { INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN };

/** Expects `env` to be refused with a ConfigError whose message matches `message`. */
function expectRefused(env: NodeJS.ProcessEnv, message: RegExp): void {
  const read = () => readOrchestratorConfig(env);
  expect(read).toThrow(ConfigError);
  expect(read).toThrow(message);
}

describe('readOrchestratorConfig', () => {
  it('reads the defaults', () => {
    expect(readOrchestratorConfig(base)).toEqual({
      host: '127.0.0.1',
      port: 3005,
      internalTokens: [TOKEN],
      authServiceUrl: 'http://localhost:3001',
      userServiceUrl: 'http://127.0.0.1:3002',
      notionServiceUrl: 'http://127.0.0.1:3003',
      llmProviderUrl: 'http://127.0.0.1:3006',
      downstreamTimeoutMs: 2000,
    });
  });

  it('reads every variable, blank ones as unset, and rotated tokens from INTERNAL_AUTH_TOKEN', () => {
    const config = readOrchestratorConfig({
      INTERNAL_AUTH_TOKEN: ` ${TOKEN} , ${NEXT} `,
      HOST: '0.0.0.0',
      PORT: '0',
      AUTH_SERVICE_URL: 'https://auth.internal/',
      INTEXURAOS_USER_SERVICE_URL: '   ',
      INTEXURAOS_NOTION_SERVICE_URL: 'http://notion.internal:8080/v1',
      LLM_PROVIDER_URL: 'http://llm.internal',
      DOWNSTREAM_TIMEOUT_MS: '29999',
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 0,
      internalTokens: [TOKEN, NEXT],
      authServiceUrl: 'https://auth.internal',
      userServiceUrl: 'http://127.0.0.1:3002',
      notionServiceUrl: 'http://notion.internal:8080/v1',
      llmProviderUrl: 'http://llm.internal',
      downstreamTimeoutMs: 29999,
    });
  });

  it.each([
    ['no token', {}, /^INTERNAL_AUTH_TOKEN is not set/],
    [
      'a short token',
      { INTEXURAOS_INTERNAL_AUTH_TOKEN: 'a1b2c3d4e5f6' },
      /12 characters long; use at least 32/,
    ],
    [
      'a placeholder token',
      { INTEXURAOS_INTERNAL_AUTH_TOKEN: 'change-me-0123456789-abcdefghijklmnop' },
      /placeholder/,
    ],
    [
      'a weak second token',
      { INTEXURAOS_INTERNAL_AUTH_TOKEN: `${TOKEN},short` },
      /INTEXURAOS_INTERNAL_AUTH_TOKEN \(token 2 of 2\) is 5 characters long/,
    ],
  ])('refuses %s', (_name, env, message) => {
    expectRefused(env, message);
    expect(() => readOrchestratorConfig(env)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('a1b2c3d4e5f6') }),
    );
  });

  it.each(['abc', '-1', '65536', '3005.5'])('refuses PORT=%s', (port) => {
    expectRefused({ ...base, PORT: port }, new RegExp(`^PORT=${port.replace('.', '\\.')} is not a TCP port`));
  });

  it.each([
    'AUTH_SERVICE_URL',
    'INTEXURAOS_USER_SERVICE_URL',
    'INTEXURAOS_NOTION_SERVICE_URL',
    'LLM_PROVIDER_URL',
  ])('refuses %s that is not http(s), a replica listed twice, or replicas on different paths', (name) => {
    expectRefused(
      { ...base, [name]: 'ftp://host' },
      new RegExp(`^${name}=ftp://host: .* is not an http\\(s\\) URL`),
    );
    expectRefused(
      { ...base, [name]: 'http://a:1,http://a:1/' },
      new RegExp(`^${name}=.*: baseUrl lists http://a:1 twice`),
    );
    expectRefused({ ...base, [name]: 'http://a:1/v1,http://b:1/v2' }, new RegExp(`^${name}=.*path prefix`));
  });

  it.each(['0', '-5', '1.5', 'abc', '2s', '30000'])('refuses DOWNSTREAM_TIMEOUT_MS=%s', (timeout) => {
    expectRefused(
      { ...base, DOWNSTREAM_TIMEOUT_MS: timeout },
      /^DOWNSTREAM_TIMEOUT_MS=.* is not a whole number of ms from 1 to 29999$/,
    );
  });
});
