import { join } from 'node:path';
import type { SkippedOperation } from './operation-model.js';
import { SpecError } from './spec-error.js';

/**
 * Something left out of the generated code, as the manifest keeps it: a skipped operation or an invalid
 * example, with its warning, the file relative to the project root.
 */
export interface SkipNotice {
  /**
   * True when it was left out only because of `skipUnsupported` (unsupported constructs, an invalid example):
   * then regenerating without the flag fails.
   */
  unsupported: boolean;
  rule: string;
  message: string;
  file: string;
  line?: number;
  column?: number;
  pointer?: string;
  hint?: string;
}

/** The notice of a skipped operation: located at its first reason, naming every reason. */
export function skipNotice(skipped: SkippedOperation, rel: (path: string) => string): SkipNotice {
  const [first] = skipped.reasons;
  const why = skipped.reasons.map((r) => r.message).join('; ');
  const { file, line, column, pointer } = first?.location ?? { file: '' };
  return {
    unsupported: skipped.reasons.some((r) => r.rule !== 'x-switchboard-skip'),
    rule: first?.rule ?? 'x-switchboard-skip',
    message: `${skipped.id} (${skipped.method.toUpperCase()} ${skipped.path}) skipped: ${why}`,
    file: rel(file),
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
    ...(pointer === undefined ? {} : { pointer }),
    ...(first?.hint === undefined ? {} : { hint: first.hint }),
  };
}

/** The notice of an `invalid-example` error whose example was left out: the same place and message. */
export function exampleNotice(error: SpecError, rel: (path: string) => string): SkipNotice {
  const { file, line, column, pointer } = error.location;
  return {
    unsupported: true,
    rule: error.rule,
    message: `${error.message}; left out of the generated fake`,
    file: rel(file),
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
    ...(pointer === undefined ? {} : { pointer }),
    ...(error.hint === undefined ? {} : { hint: error.hint }),
  };
}

/** The warning printed for a notice; `root` is the project root its file is relative to. */
export function skipWarning(notice: SkipNotice, root: string): SpecError {
  const { file, line, column, pointer } = notice;
  const at = { file: join(root, file), line, column, pointer };
  return new SpecError(notice.rule, notice.message, at, notice.hint);
}
