/** One finding of the house lint, located in the file that holds the offending node. */
export interface LintProblem {
  /** Absolute path of the file that holds the offending node (may be a `$ref`-ed file such as common.yaml). */
  file: string;
  /** 1-based line of the offending node. */
  line: number;
  /** 1-based column of the offending node. */
  column: number;
  /** `switchboard/<rule>` for house rules; the Redocly rule id (`struct`, `no-unresolved-refs`, ...) otherwise. */
  rule: string;
  severity: 'error' | 'warning';
  /** What is wrong and what to change. */
  message: string;
  /** JSON pointer of the node inside `file`, as a URI fragment (`#/paths/~1users/get`). */
  pointer: string;
}

/** Orders problems by file, line, column, then rule and message so output is stable. */
export function compareProblems(a: LintProblem, b: LintProblem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/**
 * Drops duplicates (a shared node reached from several specs is reported once per spec) and sorts.
 */
export function dedupeAndSort(problems: LintProblem[]): LintProblem[] {
  const seen = new Map<string, LintProblem>();
  for (const p of problems) {
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.rule}\0${p.message}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()].sort(compareProblems);
}
