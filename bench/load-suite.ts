import { pathToFileURL } from 'node:url';
import type { Suite } from './suite.js';

/**
 * Imports the suite module at `path` and checks that its named exports `name` and `run` form a
 * {@link Suite} whose name is `expectedName` (the file's base name), so results land in a predictable file.
 */
export async function loadSuite(path: string, expectedName: string): Promise<Suite> {
  const mod = (await import(pathToFileURL(path).href)) as Partial<Record<keyof Suite, unknown>>;
  if (typeof mod.name !== 'string' || typeof mod.run !== 'function') {
    throw new Error(`${path} must export 'name' (string) and 'run' (async function); see bench/README.md`);
  }
  if (mod.name !== expectedName) {
    throw new Error(`${path} exports name '${mod.name}'; it must equal the file name '${expectedName}'`);
  }
  const run = mod.run as Suite['run'];
  return { name: mod.name, run: () => run() };
}
