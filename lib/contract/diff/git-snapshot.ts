import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { DiffInputError } from './input-error.js';

/** A folder holding a specs folder as it was at a git ref; `dispose` removes it. */
export interface SpecsSnapshot {
  /** The temp folder standing for the specs folder at the ref. */
  dir: string;
  /** `HEAD~1:specs`: how messages name that folder. */
  label: string;
  /** The commit the ref resolved to. */
  commit: string;
  dispose(): void;
}

/**
 * Writes every file under `specsDir` at git `ref` (read with `git show <commit>:<path>`) into a temp
 * folder, with the same layout so relative `$ref`s resolve as they did. Throws DiffInputError when `cwd`
 * is not in a git work tree, the ref names no commit, or the folder is outside the repository.
 */
export function snapshotSpecs(ref: string, specsDir: string, cwd: string): SpecsSnapshot {
  if (ref === '' || ref.startsWith('-')) throw new DiffInputError(`invalid git ref '${ref}'`);
  const top = git(cwd, ['rev-parse', '--show-toplevel'], 'not inside a git work tree').toString().trim();
  const commit = git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], `unknown git ref '${ref}'`)
    .toString()
    .trim();
  const folder = relative(top, resolve(cwd, specsDir)).split(sep).join('/');
  if (folder.startsWith('..'))
    throw new DiffInputError(`specs folder '${specsDir}' is outside the git repository`);
  const listing = git(
    top,
    ['ls-tree', '-r', '-z', '--name-only', commit, '--', folder || '.'],
    'git ls-tree failed',
  );
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-diff-'));
  try {
    for (const path of listing.toString().split('\0').filter(Boolean)) {
      const content = git(top, ['show', `${commit}:${path}`], `cannot read ${path} at ${ref}`);
      const target = join(dir, folder === '' ? path : path.slice(folder.length + 1));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    label: `${ref}:${folder || '.'}`,
    commit,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function git(cwd: string, args: string[], failure: string): Buffer {
  try {
    return execFileSync('git', args, {
      cwd,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new DiffInputError(stderr ? `${failure}: ${stderr.split('\n')[0]}` : failure);
  }
}
