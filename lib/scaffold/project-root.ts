import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE } from './project-config.js';

/**
 * The project a command run in `start` (default: the current folder) works on: the nearest folder at or
 * above it with a `switchboard.config.json`, else the nearest with a `package.json`; undefined when neither.
 */
export function findProjectRoot(start = process.cwd()): string | undefined {
  for (const marker of [CONFIG_FILE, 'package.json']) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      if (existsSync(join(dir, marker))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}
