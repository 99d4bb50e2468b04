/** The rule of a construct the generator cannot emit code for (yet); `--skip-unsupported` skips its operation. */
export const UNSUPPORTED = 'unsupported-construct';

/** Where in which spec file a problem is: a line when the file could be parsed, a JSON pointer always when known. */
export interface SpecLocation {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  pointer?: string | undefined;
}

/**
 * A problem with a spec that the user must fix: carries the rule that failed, the location and a hint saying
 * what to change. The generator collects these and prints them all before exiting 1, writing nothing.
 */
export class SpecError extends Error {
  override readonly name = 'SpecError';

  constructor(
    readonly rule: string,
    message: string,
    readonly location: SpecLocation,
    readonly hint?: string,
  ) {
    super(message);
  }

  /**
   * `specs/a.yaml:12:5 error [rule] message (at #/paths/...)` plus an indented hint line; `level` says
   * `warning` for a problem that did not stop generation (a skipped operation).
   */
  format(relative: (file: string) => string = (f) => f, level: 'error' | 'warning' = 'error'): string {
    const { file, line, column, pointer } = this.location;
    const where = line === undefined ? relative(file) : `${relative(file)}:${line}:${column ?? 1}`;
    const at = pointer === undefined || pointer === '' ? '' : ` (at #${pointer})`;
    const hint = this.hint === undefined ? '' : `\n    hint: ${this.hint}`;
    return `${where} ${level} [${this.rule}] ${this.message}${at}${hint}`;
  }
}

/**
 * Several spec errors at once; thrown when a run found problems in one or more specs. The same problem
 * found twice (in a shared file that several services read) is kept once.
 */
export class SpecErrors extends Error {
  override readonly name = 'SpecErrors';
  readonly errors: SpecError[];

  constructor(errors: SpecError[]) {
    const unique = [...new Map(errors.map((e) => [e.format(), e])).values()];
    super(`${unique.length} problem${unique.length === 1 ? '' : 's'} in specs`);
    this.errors = unique;
  }
}

/** Encodes path segments as an RFC 6901 JSON pointer (`/paths/~1users/get`). */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Decodes an RFC 6901 JSON pointer (with or without a leading `#`) into path segments. */
export function fromPointer(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return [];
  return body
    .slice(1)
    .split('/')
    .map((s) => decodeURIComponent(s).replaceAll('~1', '/').replaceAll('~0', '~'));
}
