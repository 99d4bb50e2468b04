import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One file `init` or `new service` wants in the project. */
export interface PlannedFile {
  /** Path relative to the project root, with `/`. */
  path: string;
  content: string;
  /**
   * The content was computed from the file as it is now (package.json scripts added, a service added to
   * the config), so replacing it loses nothing. Default false: an existing file that differs is a conflict.
   */
  merged?: boolean;
}

/** What a scaffold run did, by path. */
export interface ScaffoldResult {
  written: string[];
  unchanged: string[];
}

/** Files that exist with other content: nothing was written. */
export class ScaffoldConflictError extends Error {
  override readonly name = 'ScaffoldConflictError';
  constructor(readonly files: readonly string[]) {
    super(
      `refusing to overwrite ${files.length === 1 ? 'a file' : `${files.length} files`} it did not write: ` +
        `${files.join(', ')} (move ${files.length === 1 ? 'it' : 'them'} aside or delete ${files.length === 1 ? 'it' : 'them'}, then run again)`,
    );
  }
}

/**
 * Writes every planned file under `root`, or none: an existing file with the same content is left as it is,
 * one with other content (unless `merged`) makes the whole run throw ScaffoldConflictError naming each.
 */
export function writeScaffold(root: string, files: readonly PlannedFile[]): ScaffoldResult {
  const result: ScaffoldResult = { written: [], unchanged: [] };
  const conflicts: string[] = [];
  const pending: PlannedFile[] = [];
  for (const file of files) {
    const target = join(root, file.path);
    if (!existsSync(target)) pending.push(file);
    else if (readFileSync(target, 'utf8') === file.content) result.unchanged.push(file.path);
    else if (file.merged === true) pending.push(file);
    else conflicts.push(file.path);
  }
  if (conflicts.length > 0) throw new ScaffoldConflictError(conflicts);
  for (const file of pending) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    result.written.push(file.path);
  }
  return result;
}
