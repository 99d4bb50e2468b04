import { describe, expect, it } from 'vitest';
import { leadingVerb } from '../../../lib/lint/rules/operation-verbs.js';
import { likelyMeant } from '../../../lib/lint/rules/vendor-extension-typos.js';

describe('leadingVerb', () => {
  it.each([
    ['getLlmKeys', 'get'],
    ['reportLlmSuccess', 'report'],
    ['list', 'list'],
    ['setUp2', 'set'],
    ['disconnectNotion', 'disconnect'],
    ['settingsOfUser', undefined],
    ['userGet', undefined],
  ])('%s → %s', (id, verb) => {
    expect(leadingVerb(id)).toBe(verb);
  });
});

describe('likelyMeant', () => {
  it.each([
    ['x-timeout', 'x-timeout-ms'],
    ['x-timeoutMs', 'x-timeout-ms'],
    ['x-request-timeout', 'x-timeout-ms'],
    ['x-retries', 'x-retry'],
    ['x-retry-policy', 'x-retry'],
    ['x-idempotency', 'x-idempotent'],
    ['x-Idempotent', 'x-idempotent'],
    ['x-idempotent', undefined],
    ['x-timeout-ms', undefined],
    ['x-codegen-name', undefined],
    ['x-internal', undefined],
  ])('%s → %s', (key, meant) => {
    expect(likelyMeant(key)).toBe(meant);
  });
});
