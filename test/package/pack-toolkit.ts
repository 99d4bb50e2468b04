import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '..', '..');

/**
 * Packs the toolkit as `npm pack` would, into `dir`, and returns the tarball's path. It stages a copy
 * (package.json's `files`, with `dist/` compiled there from lib/) and packs that without scripts, so the
 * checkout's own dist/, which the CLI in other tests runs, is never removed under them.
 */
export function packToolkit(dir: string): string {
  const stage = join(dir, 'stage');
  mkdirSync(stage, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { files: string[] };
  cpSync(join(REPO, 'package.json'), join(stage, 'package.json'));
  for (const entry of pkg.files.filter((f) => f !== 'dist/'))
    cpSync(join(REPO, entry), join(stage, entry), { recursive: true });
  execFileSync(
    process.execPath,
    [
      join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(REPO, 'tsconfig.build.json'),
      '--outDir',
      join(stage, 'dist'),
    ],
    { cwd: REPO, stdio: 'pipe' },
  );
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], {
    cwd: stage,
    stdio: 'pipe',
  });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball into ${dir}`);
  return join(dir, tarball);
}
