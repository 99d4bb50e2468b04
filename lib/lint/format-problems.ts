import { relative } from 'node:path';
import type { LintProblem } from './lint-problem.js';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Counts problems by severity. */
export function countProblems(problems: LintProblem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

/**
 * Renders problems one per line as `file:line:col severity rule message` (file relative to `cwd`),
 * followed by a summary line such as `2 errors, 1 warning` or `no problems`.
 */
export function formatProblems(problems: LintProblem[], cwd: string): string {
  const lines = problems.map((p) => {
    const file = relative(cwd, p.file) || p.file;
    return `${file}:${p.line}:${p.column} ${p.severity} ${p.rule} ${p.message}`;
  });
  const { errors, warnings } = countProblems(problems);
  lines.push(
    problems.length === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
  );
  return lines.join('\n');
}
