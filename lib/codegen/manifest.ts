import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SkipNotice } from './skip-notice.js';

/** The name of the generator's bookkeeping file inside the output folder. */
export const MANIFEST_FILE = '.switchboard.json';

/** What the last generation read and wrote, so an unchanged spec is skipped without being parsed. */
export interface Manifest {
  /** Fingerprint of the generator itself: a new generator regenerates everything. */
  generator: string;
  /** Every file of the specs folder, relative to the project root, with its hash and the service it defines (or null). */
  files: Record<string, { sha: string; service: string | null }>;
  /** Per service: the hash of every file its bundle read, and of every file it wrote. */
  services: Record<string, ServiceEntry>;
}

/** One service's record in the manifest. */
export interface ServiceEntry {
  spec: string;
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  /** Operations and invalid examples left out of the generated code, so an unchanged service still reports them. */
  skipped?: SkipNotice[];
}

/** Hex SHA-256 of a string or buffer. */
export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Reads the manifest in `outDir`; undefined when absent or unreadable (then everything is regenerated). */
export function readManifest(outDir: string): Manifest | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), 'utf8')) as Manifest;
    return typeof parsed.generator === 'string' && typeof parsed.services === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Serializes a manifest with sorted keys, so the same generation always writes the same bytes. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(sortKeys(manifest), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
