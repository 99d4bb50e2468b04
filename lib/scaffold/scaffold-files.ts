import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

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

/** What a scaffold run did, by path relative to the project root. */
export interface ScaffoldResult {
  /** Files created or (merged ones) updated. */
  written: string[];
  /** Files that already had exactly the planned content. */
  unchanged: string[];
}

/** Files that exist with other content, or files where a folder is needed: nothing was written. */
export class ScaffoldConflictError extends Error {
  override readonly name = 'ScaffoldConflictError';
  constructor(readonly files: readonly string[]) {
    const one = files.length === 1;
    super(
      `refusing to overwrite ${one ? 'a file' : `${files.length} files`} it did not write: ${files.join(', ')} ` +
        `(move ${one ? 'it' : 'them'} aside or delete ${one ? 'it' : 'them'}, then run again); nothing was written`,
    );
  }
}

/** Writing failed part way (disk full, permissions); what had been written was taken back. */
export class ScaffoldWriteError extends Error {
  override readonly name = 'ScaffoldWriteError';
}

/** The first existing path between `root` (excluded) and `target`'s folder that is not a folder. */
function fileInTheWay(root: string, target: string): string | undefined {
  let dir = root;
  for (const part of relative(root, dirname(target))
    .split(sep)
    .filter((p) => p !== '')) {
    dir = join(dir, part);
    if (existsSync(dir) && !statSync(dir).isDirectory()) return relative(root, dir).split(sep).join('/');
  }
  return undefined;
}

/**
 * Writes every planned file under `root`, or none: an existing file with the same content is left as it is;
 * one with other content (unless `merged`), or a file where a folder is needed, makes the whole run throw
 * ScaffoldConflictError naming each. If a write fails, files written so far are removed or restored and
 * ScaffoldWriteError is thrown.
 */
export function writeScaffold(root: string, files: readonly PlannedFile[]): ScaffoldResult {
  const result: ScaffoldResult = { written: [], unchanged: [] };
  const conflicts: string[] = [];
  const pending: { file: PlannedFile; before: string | undefined }[] = [];
  for (const file of files) {
    const target = join(root, file.path);
    const blocker = fileInTheWay(root, target);
    if (blocker !== undefined) conflicts.push(`${blocker} (a file where ${file.path} needs a folder)`);
    else if (!existsSync(target)) pending.push({ file, before: undefined });
    else if (statSync(target).isDirectory()) conflicts.push(`${file.path} (a folder)`);
    else if (readFileSync(target, 'utf8') === file.content) result.unchanged.push(file.path);
    else if (file.merged === true) pending.push({ file, before: readFileSync(target, 'utf8') });
    else conflicts.push(file.path);
  }
  if (conflicts.length > 0) throw new ScaffoldConflictError([...new Set(conflicts)]);
  const done: { target: string; before: string | undefined }[] = [];
  try {
    for (const { file, before } of pending) {
      const target = join(root, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
      done.push({ target, before });
      result.written.push(file.path);
    }
  } catch (error) {
    for (const { target, before } of done.reverse()) {
      if (before === undefined) rmSync(target, { force: true });
      else writeFileSync(target, before);
    }
    throw new ScaffoldWriteError(`could not write the files, so none were kept: ${(error as Error).message}`);
  }
  return result;
}
