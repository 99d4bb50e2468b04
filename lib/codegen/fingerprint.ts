import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { sha256 } from './manifest.js';
import { GENERATOR_DIR } from './toolkit-root.js';

const require = createRequire(import.meta.url);

/**
 * A hash of the generator's own source and of the packages whose output it embeds: when any of them changes,
 * every spec is regenerated even though no spec changed.
 */
export function generatorFingerprint(): string {
  const { dir: here, extension } = GENERATOR_DIR;
  const parts = readdirSync(here)
    .filter((f) => f.endsWith(extension))
    .sort()
    .map((f) => `${f}\n${readFileSync(join(here, f), 'utf8')}`);
  for (const pkg of ['openapi-typescript', 'typescript']) {
    parts.push(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
  }
  return sha256(parts.join('\n')).slice(0, 16);
}
