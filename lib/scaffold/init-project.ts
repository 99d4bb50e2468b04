import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { type PackageJson, readPackage, withSwitchboard } from './package-json.js';
import {
  CONFIG_FILE,
  DEFAULT_CONFIG,
  formatProjectConfig,
  type ProjectConfig,
  readProjectConfig,
} from './project-config.js';
import { renderTemplate } from './render-template.js';
import { type PlannedFile, type ScaffoldResult, writeScaffold } from './scaffold-files.js';
import { serviceSpecFile } from './service-files.js';

export { InitError } from './package-json.js';

/** What `init` did. */
export interface InitResult extends ScaffoldResult {
  /** package.json scripts that existed with another command and were left as they were. */
  keptScripts: string[];
  /** Packages moved from devDependencies to dependencies (the services import them at run time). */
  movedToDependencies: string[];
  /** The project's settings: read from its config file, or the ones `init` wrote. */
  config: ProjectConfig;
}

/** The example service `init` writes a spec for in a project that has no config file yet. */
export const EXAMPLE_SERVICE = { name: 'example-service', port: 3100 } as const;

/**
 * Makes the project at `dir` ready for Switchboard: `specs/common.yaml`, an example service spec (first run
 * only), the config file, package.json scripts, `"type": "module"` and dependencies, a tsconfig.json and a
 * `.gitignore` when there are none, and a CI workflow running lint, the drift check, the breaking-change gate
 * and the tests. An existing config file is read, not replaced. Never overwrites a file it did not write:
 * throws ScaffoldConflictError naming every such file, InitError for a package.json it cannot use.
 */
export function initProject(dir: string): InitResult {
  const root = resolve(dir);
  const pkgPath = join(root, 'package.json');
  const existing: PackageJson | undefined = existsSync(pkgPath) ? readPackage(pkgPath) : undefined;
  const configured = existsSync(join(root, CONFIG_FILE));
  const deps = { ...existing?.dependencies, ...existing?.devDependencies };
  const config: ProjectConfig = configured
    ? readProjectConfig(root)
    : { ...DEFAULT_CONFIG, testRunner: deps.vitest === undefined ? 'node' : 'vitest' };
  const { pkg, keptScripts, moved } = withSwitchboard(existing, basename(root), config);
  const files: PlannedFile[] = [
    { path: `${config.specs}/common.yaml`, content: renderTemplate('project/common.yaml', {}) },
    { path: 'package.json', content: `${JSON.stringify(pkg, null, 2)}\n`, merged: true },
    { path: '.github/workflows/switchboard.yml', content: renderTemplate('project/ci.yml', {}) },
  ];
  if (!configured) {
    files.push(serviceSpecFile(config, EXAMPLE_SERVICE.name, EXAMPLE_SERVICE.port));
    files.push({ path: CONFIG_FILE, content: formatProjectConfig(config) });
  }
  if (!existsSync(join(root, 'tsconfig.json')))
    files.push({
      path: 'tsconfig.json',
      content: renderTemplate('project/tsconfig.json', {
        out: config.out,
        servicesDir: config.servicesDir,
        testsDir: config.testsDir,
      }),
    });
  if (!existsSync(join(root, '.gitignore')))
    files.push({ path: '.gitignore', content: 'node_modules/\nbuild/\n.switchboard/\n' });
  return { ...writeScaffold(root, files), keptScripts, movedToDependencies: moved, config };
}
