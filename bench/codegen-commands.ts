import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { MANIFEST_FILE } from '../lib/codegen/manifest.js';
import type { Command } from './measure.js';

/** The repository root: commands run from here, as `make` would run them. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `node bin/switchboard.js generate --specs <specs> --out <out> [--force]`. */
export function generateCommand(specs: string, out: string, force: boolean): Command {
  const args = [
    'bin/switchboard.js',
    'generate',
    '--specs',
    specs,
    '--out',
    out,
    ...(force ? ['--force'] : []),
  ];
  return { args, cwd: REPO_ROOT };
}

/** `node node_modules/openapi-typescript/bin/cli.js <spec> -o <out>`: the baseline, one spec per process. */
export function openapiTypescriptCommand(spec: string, out: string): Command {
  return { args: ['node_modules/openapi-typescript/bin/cli.js', spec, '-o', out], cwd: REPO_ROOT };
}

/**
 * The service specs of a folder (relative to the repo root): YAML files whose `paths` hold at least one
 * path, which leaves out shared-component files such as `common.yaml`. Sorted by name.
 */
export function serviceSpecs(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir))
    .filter((f) => ['.yaml', '.yml'].includes(extname(f)))
    .sort()
    .map((f) => join(dir, f))
    .filter((path) => {
      const doc = parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as {
        paths?: Record<string, unknown>;
      } | null;
      return Object.keys(doc?.paths ?? {}).length > 0;
    });
}

/** The service name of a spec path: its base name without extension. */
export function serviceName(spec: string): string {
  return basename(spec, extname(spec));
}

/**
 * Identity of the generator's manifest in `outDir` (inode and modification time). The generator replaces
 * it whenever it writes, so an unchanged identity across a run proves the run wrote nothing.
 */
export function manifestIdentity(outDir: string): string {
  const stat = statSync(join(outDir, MANIFEST_FILE));
  return `${stat.ino}:${stat.mtimeMs}`;
}

/**
 * Which code `bin/switchboard.js` runs, by the same rule it uses: the compiled `dist/` when `dist/.stamp` is
 * at least as new as every `.ts` file under `lib/` (`make build`), else the TypeScript sources through tsx.
 */
export function switchboardMode(): 'dist' | 'tsx' {
  const stamp = join(REPO_ROOT, 'dist', '.stamp');
  if (!existsSync(stamp)) return 'tsx';
  return statSync(stamp).mtimeMs >= newestSource(join(REPO_ROOT, 'lib')) ? 'dist' : 'tsx';
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Runs `body` (which times switchboard) and names the code bin/switchboard.js ran, e.g. `switchboard (dist)`.
 * Throws when that changed meanwhile (someone edited lib/ or rebuilt dist/): the samples would mix programs.
 */
export function sameProgram<T>(body: () => T): [T, string] {
  const before = switchboardMode();
  const value = body();
  const after = switchboardMode();
  if (after !== before) {
    throw new Error(`bin/switchboard.js switched from ${before} to ${after} during a measurement; run again`);
  }
  return [value, `switchboard (${before})`];
}
