import { resolve } from 'node:path';
import { BaseResolver, type Config, lint, ResolveError, YamlParseError } from '@redocly/openapi-core';
import { lintConfig } from './lint-config.js';
import { dedupeAndSort, type LintProblem } from './lint-problem.js';
import { toLintProblem, yamlReason } from './to-lint-problem.js';

/** Turns a failure to load a root document into a problem at its first line (or the YAML error). */
function loadProblem(file: string, error: unknown): LintProblem {
  const base = { file, line: 1, column: 1, severity: 'error' as const, pointer: '#/' };
  if (error instanceof YamlParseError) {
    const message = `invalid YAML: ${yamlReason(error.originalError.message)}`;
    return { ...base, line: error.line, column: error.col, rule: 'parse', message };
  }
  if (error instanceof ResolveError) {
    return { ...base, rule: 'parse', message: `cannot read file: ${error.originalError.message}` };
  }
  if (error instanceof Error && error.message.startsWith('Unsupported specification')) {
    return {
      ...base,
      rule: 'struct',
      message: 'not an OpenAPI document: start the file with openapi: 3.1.0',
    };
  }
  throw error;
}

async function lintFile(file: string, config: Config, resolver: BaseResolver): Promise<LintProblem[]> {
  try {
    const problems = await lint({ ref: file, config, externalRefResolver: resolver });
    return problems.map(toLintProblem);
  } catch (error) {
    return [loadProblem(file, error)];
  }
}

/**
 * Lints OpenAPI spec files against the house conventions plus Redocly's structural checks.
 * Relative `$ref`s to other files (`./common.yaml#/...`) are resolved and each referenced file is
 * parsed once; a problem inside a referenced file is reported in that file, once. Documents without
 * operations (like common.yaml, `paths: {}`) are linted too. Files are linted one after another
 * because Redocly keeps a shared validator between runs.
 *
 * @returns the problems sorted by file, line and column; empty when everything passes.
 */
export async function lintSpecs(files: string[]): Promise<LintProblem[]> {
  const config = await lintConfig();
  const resolver = new BaseResolver(config.resolve);
  const problems: LintProblem[] = [];
  for (const file of new Set(files.map((f) => resolve(f)))) {
    problems.push(...(await lintFile(file, config, resolver)));
  }
  return dedupeAndSort(problems);
}
