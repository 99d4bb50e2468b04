import { type Config, createConfig } from '@redocly/openapi-core';
import type { RuleConfig } from '@redocly/openapi-core/lib/config/types.js';
import { HOUSE_RULES, PLUGIN_ID, switchboardPlugin } from './plugin.js';

/**
 * Redocly built-in rules kept alongside the house rules: structural validity, resolvable refs, and
 * the checks that stop Prism, codegen or provider verification from misreading a spec. Examples are
 * validated with additional properties disallowed, matching `additionalProperties: false`.
 */
export const BUILT_IN_RULES: Record<string, RuleConfig> = {
  struct: 'error',
  'no-unresolved-refs': 'error',
  'security-defined': 'error',
  'path-declaration-must-exist': 'error',
  'path-params-defined': 'error',
  'path-not-include-query': 'error',
  'no-path-trailing-slash': 'error',
  'no-identical-paths': 'error',
  'no-ambiguous-paths': 'warn',
  'operation-parameters-unique': 'error',
  'operation-2xx-response': 'error',
  'no-enum-type-mismatch': 'error',
  'no-required-schema-properties-undefined': 'error',
  'no-example-value-and-externalValue': 'error',
  'no-invalid-media-type-examples': { severity: 'error', allowAdditionalProperties: false },
  'no-invalid-parameter-examples': { severity: 'error', allowAdditionalProperties: false },
  'no-invalid-schema-examples': { severity: 'error', allowAdditionalProperties: false },
};

let cached: Promise<Config> | undefined;

/**
 * The lint configuration: built-in rules above plus every house rule as an error, with the rules in `off`
 * turned off (those that crashed on a document). Built once when none is off.
 */
export function lintConfig(off: readonly string[] = []): Promise<Config> {
  if (off.length === 0 && cached !== undefined) return cached;
  const rules: Record<string, RuleConfig> = { ...BUILT_IN_RULES };
  for (const name of Object.keys(HOUSE_RULES)) rules[`${PLUGIN_ID}/${name}`] = 'error';
  for (const rule of off) rules[rule] = 'off';
  const config = createConfig({ plugins: [switchboardPlugin], rules });
  if (off.length === 0) cached = config;
  return config;
}
