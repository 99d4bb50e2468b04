import { resolve } from 'node:path';
import { BaseResolver, lint, ResolveError, YamlParseError } from '@redocly/openapi-core';
import { BUILT_IN_RULES, lintConfig } from './lint-config.js';
import { dedupeAndSort, type LintProblem } from './lint-problem.js';
import { HOUSE_RULES, PLUGIN_ID } from './plugin.js';
import { toLintProblem, yamlReason } from './to-lint-problem.js';

/**
 * Turns a failure to load a root document into a problem at its first line (or the YAML error); undefined
 * when `error` is not one (a rule threw).
 */
function loadProblem(file: string, error: unknown): LintProblem | undefined {
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
  return undefined;
}

/** Rules that may crash on one document before lint gives up on it. */
const MAX_CRASHED_RULES = 5;

/**
 * The rule whose code threw `error`, read from its stack: the innermost frame in a rule lint runs, a Redocly
 * rule (`…/rules/<group>/<rule>.js`) or a house rule (`lib/lint/rules/<rule>.ts`, or its compiled `.js`).
 * Frames in helpers the rules share are passed over; undefined when no frame is a rule's.
 */
export function crashedRule(error: unknown): string | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  for (const frame of stack.split('\n')) {
    const redocly = /@redocly\/openapi-core\/lib\/rules\/[^/\s]+\/([a-z0-9-]+)\.js/.exec(frame)?.[1];
    if (redocly !== undefined && Object.hasOwn(BUILT_IN_RULES, redocly)) return redocly;
    const house = /[/\\]lint[/\\]rules[/\\]([a-z0-9-]+)\.[jt]s/.exec(frame)?.[1];
    if (house !== undefined && Object.hasOwn(HOUSE_RULES, house)) return `${PLUGIN_ID}/${house}`;
  }
  return undefined;
}

/** Runs `work` with stack traces deep enough to reach a rule's frame below the helpers it calls. */
async function withDeepStacks<T>(work: () => Promise<T>): Promise<T> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Math.max(limit, 50);
  try {
    return await work();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Lints one root document. A rule that throws on it (a bug in the rule, usually on a node another rule
 * reports, such as an unresolved `$ref`) is turned off and the document linted again, so the user gets every
 * other finding and a warning naming the rule, instead of a stack trace.
 */
async function lintFile(file: string, resolver: BaseResolver): Promise<LintProblem[]> {
  const off: string[] = [];
  const crashes: LintProblem[] = [];
  for (;;) {
    try {
      const config = await lintConfig(off);
      const problems = await withDeepStacks(() => lint({ ref: file, config, externalRefResolver: resolver }));
      return [...crashes, ...problems.map(toLintProblem)];
    } catch (error) {
      const loaded = loadProblem(file, error);
      if (loaded !== undefined) return [...crashes, loaded];
      const rule = crashedRule(error);
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const at = { file, line: 1, column: 1, pointer: '#/' };
      if (rule === undefined || off.includes(rule) || off.length >= MAX_CRASHED_RULES)
        return [
          ...crashes,
          { ...at, rule: 'lint', severity: 'error', message: `lint failed on this document (${reason})` },
        ];
      off.push(rule);
      crashes.push({
        ...at,
        rule,
        severity: 'warning',
        message: `the rule crashed on this document (${reason}) and was skipped; every other rule ran`,
      });
    }
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
    problems.push(...(await lintFile(file, resolver)));
  }
  return dedupeAndSort(problems);
}
