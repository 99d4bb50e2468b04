import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The toolkit's checkout root, whether this module runs from `lib/` through tsx or from the compiled copy in
 * `dist/lib/`: generated code imports the TypeScript runtime in `lib/`, and the generator fingerprints the
 * TypeScript sources, so both modes produce the same bytes.
 */
export const TOOLKIT_ROOT = ((): string => {
  const up = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return basename(up) === 'dist' ? dirname(up) : up;
})();

/** The toolkit's TypeScript sources (`<root>/lib`). */
export const LIB_SOURCE_DIR = join(TOOLKIT_ROOT, 'lib');
