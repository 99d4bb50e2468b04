import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The toolkit's package root, whether this module runs from `lib/codegen/` through tsx (a checkout) or from
 * the compiled copy in `dist/codegen/` (a checkout after `make build`, or an installed package).
 */
export const TOOLKIT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The toolkit's own `package.json`. */
export const TOOLKIT_PACKAGE = JSON.parse(readFileSync(join(TOOLKIT_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  peerDependencies?: Record<string, string>;
};

/**
 * The generator's own code, whose hash decides when everything is regenerated: the TypeScript sources in a
 * checkout, the compiled JavaScript in an installed package (which ships no `lib/`).
 */
export const GENERATOR_DIR = ((): { dir: string; extension: string } => {
  const source = join(TOOLKIT_ROOT, 'lib', 'codegen');
  return existsSync(source)
    ? { dir: source, extension: '.ts' }
    : { dir: join(TOOLKIT_ROOT, 'dist', 'codegen'), extension: '.js' };
})();
