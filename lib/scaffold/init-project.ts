import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TOOLKIT_PACKAGE } from '../codegen/toolkit-root.js';
import { CONFIG_FILE, DEFAULT_CONFIG, formatProjectConfig, type ProjectConfig } from './project-config.js';
import { renderTemplate } from './render-template.js';
import { type PlannedFile, type ScaffoldResult, writeScaffold } from './scaffold-files.js';
import { serviceSpecFile } from './service-files.js';

/** What `init` did: files by fate, and package.json scripts it left as they were. */
export interface InitResult extends ScaffoldResult {
  keptScripts: string[];
  config: ProjectConfig;
}

/** A project `init` cannot prepare (e.g. an unreadable or CommonJS package.json); nothing was written. */
export class InitError extends Error {
  override readonly name = 'InitError';
}

const NPM_PLACEHOLDER_TEST = 'echo "Error: no test specified" && exit 1';

/** The example service `init` writes a spec for. */
export const EXAMPLE_SERVICE = { name: 'example-service', port: 3100 } as const;

/**
 * Makes the project at `dir` ready for Switchboard: `specs/common.yaml`, an example service spec, the config
 * file, package.json scripts (and `"type": "module"`), a tsconfig.json when there is none, `.gitignore` when
 * there is none, and a CI workflow running lint, the drift check, the breaking-change gate and the tests.
 * Never overwrites a file it did not write: throws ScaffoldConflictError naming every such file instead.
 */
export function initProject(dir: string): InitResult {
  const root = resolve(dir);
  const pkgPath = join(root, 'package.json');
  const existing = existsSync(pkgPath) ? readPackage(pkgPath) : undefined;
  const deps = { ...existing?.dependencies, ...existing?.devDependencies } as Record<string, unknown>;
  const config: ProjectConfig = existsSync(join(root, CONFIG_FILE))
    ? { ...DEFAULT_CONFIG }
    : { ...DEFAULT_CONFIG, testRunner: deps.vitest === undefined ? 'node' : 'vitest' };
  const { pkg, keptScripts } = packageJson(existing, basename(root), config);
  const files: PlannedFile[] = [
    { path: `${config.specs}/common.yaml`, content: renderTemplate('project/common.yaml', {}) },
    serviceSpecFile(config, EXAMPLE_SERVICE.name, EXAMPLE_SERVICE.port),
    { path: 'package.json', content: `${JSON.stringify(pkg, null, 2)}\n`, merged: true },
    { path: '.github/workflows/switchboard.yml', content: renderTemplate('project/ci.yml', {}) },
  ];
  if (!existsSync(join(root, CONFIG_FILE)))
    files.push({ path: CONFIG_FILE, content: formatProjectConfig(config) });
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
  return { ...writeScaffold(root, files), keptScripts, config };
}

interface PackageJson {
  name?: string;
  type?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

function readPackage(path: string): PackageJson {
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InitError(`package.json: not valid JSON (${(error as Error).message}); fix it and run again`);
  }
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg))
    throw new InitError('package.json: must be a JSON object');
  const typed = pkg as PackageJson;
  if (typed.type === 'commonjs' && !hasJsFiles(dirname(path))) delete typed.type;
  if (typed.type !== undefined && typed.type !== 'module')
    throw new InitError(
      `package.json: "type" is "${String(typed.type)}" and the project has .js files; generated code is ESM, so set "type": "module" (or keep the services in a package of their own) and run again`,
    );
  return typed;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'build', 'dist', 'coverage']);

/** True when the project has `.js` files, which `"type": "module"` would turn from CommonJS into ESM. */
function hasJsFiles(dir: string, depth = 0): boolean {
  if (depth > 4) return false;
  return readdirSync(dir, { withFileTypes: true }).some((entry) =>
    entry.isDirectory()
      ? !SKIPPED_DIRS.has(entry.name) && hasJsFiles(join(dir, entry.name), depth + 1)
      : entry.name.endsWith('.js'),
  );
}

function packageJson(
  existing: PackageJson | undefined,
  name: string,
  config: ProjectConfig,
): { pkg: PackageJson; keptScripts: string[] } {
  const pkg: PackageJson =
    existing === undefined ? { name, version: '0.1.0', private: true } : { ...existing };
  pkg.type = 'module';
  const scripts: Record<string, string> = {
    generate: 'switchboard generate',
    check: 'switchboard generate --check && switchboard lint',
    lint: 'switchboard lint',
    mock: 'switchboard mock',
    verify: 'switchboard verify',
    diff: `switchboard diff --base ${config.diffBase}`,
    dev: 'switchboard dev',
    build: 'tsc -p tsconfig.json',
    test:
      config.testRunner === 'vitest'
        ? 'vitest run'
        : `tsc -p tsconfig.json && node --test build/${config.testsDir}/`,
  };
  const current = { ...pkg.scripts };
  const keptScripts: string[] = [];
  for (const [key, command] of Object.entries(scripts)) {
    const mine = current[key];
    if (mine === undefined || mine === NPM_PLACEHOLDER_TEST) current[key] = command;
    else if (mine !== command) keptScripts.push(key);
  }
  pkg.scripts = current;
  const dev = { ...pkg.devDependencies };
  const has = (dep: string) => pkg.dependencies?.[dep] !== undefined || dev[dep] !== undefined;
  if (!has(TOOLKIT_PACKAGE.name)) dev[TOOLKIT_PACKAGE.name] = `^${TOOLKIT_PACKAGE.version}`;
  if (!has('typescript')) dev.typescript = '~5.9.3';
  if (!has('@types/node')) dev['@types/node'] = '^20.19.0';
  pkg.devDependencies = Object.fromEntries(Object.entries(dev).sort(([a], [b]) => a.localeCompare(b)));
  return { pkg, keptScripts };
}
