import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './codegen-commands.js';
import type { RealSpec } from './real-specs.js';

const PACKAGE = '@octokit/openapi@23.0.2';
const FILE_IN_TARBALL = 'package/generated/api.github.com.json';
/** SHA-256 of that file in that version: a corrupt or different cached copy is fetched again. */
const SHA256 = '829b4bebb19a53133289f7b0bc819f4f1118115821db2ca9f25e9ee995a7da2a';
/** git-ignored and removed by `make clean`; the tarball (29 MB) is not kept, only the 13 MB spec. */
const CACHE = join(REPO_ROOT, '.switchboard', 'bench-cache', 'octokit-openapi-23.0.2');
const FETCH_TIMEOUT_MS = 300_000;

/**
 * GitHub's REST API spec (OpenAPI 3.0.3, 13 MB, 1,223 operations), fetched once with `npm pack` into the
 * cache. It is stored as `github/github.json` so the folder holds one service named `github` (the package's
 * own name, `api.github.com`, is no service name). Throws when npm cannot fetch it: without GitHub the
 * suite's headline ratios do not exist.
 */
export function githubSpec(): RealSpec {
  const specsDir = join(CACHE, 'github');
  const root = join(specsDir, 'github.json');
  if (!existsSync(root) || sha256(root) !== SHA256) fetchInto(root);
  return { name: 'github', source: `npm ${PACKAGE} ${FILE_IN_TARBALL}`, specsDir, root };
}

function fetchInto(target: string): void {
  console.log(`conformance: fetching ${PACKAGE} with npm pack into ${CACHE}`);
  mkdirSync(CACHE, { recursive: true });
  const tmp = mkdtempSync(join(CACHE, 'fetch-'));
  try {
    const pack = run('npm', ['pack', PACKAGE, '--pack-destination', tmp, '--json'], tmp);
    const [packed] = JSON.parse(pack) as { filename: string }[];
    if (packed === undefined) throw new Error(`npm pack ${PACKAGE} printed no file name`);
    run('tar', ['-xzf', join(tmp, packed.filename), '-C', tmp, FILE_IN_TARBALL], tmp);
    const extracted = join(tmp, FILE_IN_TARBALL);
    const actual = sha256(extracted);
    if (actual !== SHA256)
      throw new Error(`${PACKAGE} ${FILE_IN_TARBALL} has SHA-256 ${actual}, not ${SHA256}`);
    mkdirSync(join(target, '..'), { recursive: true });
    renameSync(extracted, target); // only a complete, verified file ever lands in the cache
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: FETCH_TIMEOUT_MS });
  if (result.error !== undefined || result.status !== 0) {
    const why = result.error?.message ?? `exit ${String(result.status ?? result.signal)}`;
    throw new Error(`${command} ${args.join(' ')} failed (${why})\n${`${result.stderr ?? ''}`.trim()}`);
  }
  return result.stdout;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
