import { ConfigError } from 'switchboard/server';
import { describe, expect, it } from 'vitest';
import { readOrchestratorConfig } from '../../../services/llm-orchestrator/config.js';

const TOKEN = 'orchestrator-config-token-0123456789abcdef';

describe('readOrchestratorConfig downstream URLs', () => {
  it('takes one URL or a comma-separated list of replicas, without trailing slashes', () => {
    const config = readOrchestratorConfig({
      INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN,
      INTEXURAOS_USER_SERVICE_URL: 'http://127.0.0.1:3002/, http://127.0.0.1:3012',
    });
    expect(config.userServiceUrl).toBe('http://127.0.0.1:3002,http://127.0.0.1:3012');
    expect(config.notionServiceUrl).toBe('http://127.0.0.1:3003');
  });

  it('refuses a list with a bad entry, naming the variable and the entry', () => {
    const read = () =>
      readOrchestratorConfig({
        INTEXURAOS_INTERNAL_AUTH_TOKEN: TOKEN,
        INTEXURAOS_USER_SERVICE_URL: 'http://127.0.0.1:3002,127.0.0.1:3012',
      });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/INTEXURAOS_USER_SERVICE_URL=.*"127.0.0.1:3012" is not an http\(s\) URL/);
  });
});
