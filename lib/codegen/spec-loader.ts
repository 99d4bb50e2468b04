import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SpecError } from './spec-error.js';
import { parseSpecFile, type SpecFile } from './spec-file.js';

/** Reads and parses spec files once each, so a `common.yaml` shared by every service is parsed once a run. */
export class SpecLoader {
  readonly #files = new Map<string, SpecFile>();

  /** Loads `path` (absolute), or throws a SpecError naming the file that is missing or unreadable. */
  load(path: string): SpecFile {
    const cached = this.#files.get(path);
    if (cached !== undefined) return cached;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new SpecError('unreadable-file', `cannot read spec: ${(error as Error).message}`, { file: path });
    }
    const file = parseSpecFile(path, text);
    this.#files.set(path, file);
    return file;
  }

  /** Resolves the file part of a `$ref` relative to the file that holds it. */
  static resolveFile(from: string, refFile: string): string {
    return resolve(dirname(from), decodeURI(refFile));
  }
}

/** Follows `segments` into a value; undefined when any step is missing. */
export function getAt(value: unknown, segments: readonly (string | number)[]): unknown {
  let node = value;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    if (!Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
