import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { SpecError } from '../../codegen/spec-error.js';
import { SpecLoader } from '../../codegen/spec-loader.js';
import type { DiffReport } from './change.js';
import { compareSpecs, type ShowPath } from './compare-specs.js';
import { type LoadedSpec, loadSpec } from './load-spec.js';
import { buildReport } from './report.js';

const SPEC_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Compares every service spec of two folders (`*.yaml`, `*.yml`, `*.json` with operations, named after the
 * file): a deleted service file is breaking, a new one compatible, the rest are compared operation by
 * operation. Throws a SpecError when a folder is missing or a spec cannot be read, SpecErrors when one
 * cannot be bundled.
 */
export function compareFolders(baseDir: string, headDir: string, show: ShowPath): DiffReport {
  const base = readServices(baseDir);
  const head = readServices(headDir);
  const names = [...new Set([...base.keys(), ...head.keys()])].sort();
  return buildReport(names.map((name) => compareSpecs(base.get(name), head.get(name), show)));
}

/**
 * Compares two spec files as two versions of one service, named after the head's `info.title` (the file
 * names of two versions often differ), else the head file.
 */
export function compareFiles(basePath: string, headPath: string, show: ShowPath): DiffReport {
  const loader = new SpecLoader();
  const title = (loader.load(resolve(headPath)).value as { info?: { title?: unknown } }).info?.title;
  const service = typeof title === 'string' && title !== '' ? title : basename(headPath, extname(headPath));
  const base = loadSpec(new SpecLoader(), resolve(basePath), service);
  const head = loadSpec(loader, resolve(headPath), service);
  return buildReport([compareSpecs(base, head, show)]);
}

function readServices(dir: string): Map<string, LoadedSpec> {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new SpecError(
      'specs-folder',
      `specs folder ${dir} does not exist`,
      { file: root },
      'pass --specs DIR',
    );
  }
  const loader = new SpecLoader();
  const services = new Map<string, LoadedSpec>();
  for (const name of readdirSync(root).sort()) {
    if (!SPEC_EXTENSIONS.has(extname(name)) || name.startsWith('.')) continue;
    const path = join(root, name);
    const paths = (loader.load(path).value as { paths?: unknown }).paths;
    if (typeof paths !== 'object' || paths === null || Object.keys(paths).length === 0) continue;
    services.set(basename(name, extname(name)), loadSpec(loader, path, basename(name, extname(name))));
  }
  return services;
}
