import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './codegen-commands.js';

/** One real-world spec as both generators are given it. */
export interface RealSpec {
  /** The folder's name, which is also the service name `switchboard generate` derives from the root file. */
  name: string;
  /** Where it came from, for the rows. */
  source: string;
  /** The folder passed as `generate --specs`: one service (plus, for multi-file specs, what it refers to). */
  specsDir: string;
  /** The root document, passed to openapi-typescript, which follows its relative `$ref`s itself. */
  root: string;
}

/**
 * The corpus of real specs (../shared/corpora/real-specs, or `SWITCHBOARD_REAL_SPECS`); see its SOURCES.md.
 * Never copied into the repository: both generators read it in place.
 */
export const REAL_SPECS_DIR =
  process.env.SWITCHBOARD_REAL_SPECS ?? join(REPO_ROOT, '..', 'shared', 'corpora', 'real-specs');

const ROOT_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Every spec of the corpus, by folder name, or null when the corpus is absent. Each folder holds one service:
 * its root is `<folder>/<folder>.{yaml,yml,json}` (SOURCES.md's layout). Other files beside it are what the
 * root refers to (DigitalOcean's 2,000 `resources/` files, train-travel's `docs/`) or, like DigitalOcean's
 * `description.yml`, YAML without `paths`, which `generate` reads but does not treat as a service.
 */
export function corpusSpecs(dir = REAL_SPECS_DIR): RealSpec[] | null {
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory()) // follows symlinks
    .sort()
    .map((name) => {
      const specsDir = join(dir, name);
      const root = ROOT_EXTENSIONS.map((ext) => join(specsDir, `${name}${ext}`)).find((p) => existsSync(p));
      if (root === undefined) {
        throw new Error(`${specsDir} has no root ${name}.yaml|yml|json: the layout SOURCES.md describes`);
      }
      return { name, source: 'corpus real-specs', specsDir, root };
    });
}

/** Total bytes of the files under `path` (a file or a folder), recursively. */
export function totalBytes(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  let sum = 0;
  for (const entry of readdirSync(path)) sum += totalBytes(join(path, entry));
  return sum;
}

/** The first 16 hex digits of a file's SHA-256, as SOURCES.md lists them. */
export function sha256Prefix(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
}
