import { getLineColLocation, type NormalizedProblem } from '@redocly/openapi-core';
import type { LintProblem } from './lint-problem.js';

/** A YAML parser message without the file name, position suffix and code frame (the problem has those). */
export function yamlReason(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/ in "[^"]*"/, '').replace(/\s*\(\d+:\d+\)\s*$/, '');
}

const SECURITY_MISSING = 'Every operation should have security defined on it or on the root level.';

/** Rewrites Redocly messages that do not say what to change. */
function clarify(
  rule: string,
  message: string,
  sourceLine: string | undefined,
): { rule: string; message: string } {
  if (rule === 'no-unresolved-refs' && message.startsWith('Failed to parse: ')) {
    return {
      rule: 'parse',
      message: `invalid YAML: ${yamlReason(message.slice('Failed to parse: '.length))}`,
    };
  }
  if (rule === 'no-unresolved-refs' && message.startsWith("Can't resolve $ref")) {
    return { rule, message: explainUnresolved(message, sourceLine) };
  }
  if (rule === 'security-defined' && message === SECURITY_MISSING) {
    return {
      rule,
      message:
        'operation has no security: add security: [{ InternalAuth: [] }], or security: [] if it is public',
    };
  }
  return { rule, message };
}

/** Adds the unresolvable `$ref` value itself to Redocly's bare "Can't resolve $ref" message. */
function explainUnresolved(message: string, sourceLine: string | undefined): string {
  const ref = /\$ref['"]?\s*:\s*['"]?([^'"\s,}]+)/.exec(sourceLine ?? '')?.[1];
  if (ref === undefined) return message;
  const detail = yamlReason(message.replace(/^Can't resolve \$ref:?\s*/, ''));
  return `can't resolve $ref '${ref}'${detail === '' ? '' : ` (${detail})`}: fix the file path or the JSON pointer`;
}

/** Converts a Redocly problem to a LintProblem located in the file that holds the node. */
export function toLintProblem(problem: NormalizedProblem): LintProblem {
  const [first] = problem.location;
  if (first === undefined) throw new Error(`lint problem without location: ${problem.message}`);
  const { source, start } = getLineColLocation(first);
  const pointer = first.pointer ?? '#/';
  const { rule, message } = clarify(problem.ruleId, problem.message, source.getLines()[start.line - 1]);
  return {
    file: source.absoluteRef,
    line: start.line,
    column: start.col,
    rule,
    severity: problem.severity === 'warn' ? 'warning' : 'error',
    message,
    pointer,
  };
}
