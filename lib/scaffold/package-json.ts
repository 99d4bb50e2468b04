import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TOOLKIT_PACKAGE } from '../codegen/toolkit-root.js';
import type { ProjectConfig } from './project-config.js';

/** The parts of a package.json that `init` reads or writes; every other field is kept as it is. */
export interface PackageJson {
  name?: string;
  type?: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  overrides?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A project `init` cannot prepare (e.g. an unreadable or CommonJS package.json); nothing was written. */
export class InitError extends Error {
  override readonly name = 'InitError';
}

/**
 * Pinned in `overrides` so that installs on Node 20 print no EBADENGINE warning (and `--engine-strict` ones
 * pass): Fastify's `light-my-request` (its `inject`) pulls `cookie@2`, which asks for Node 22, from 6.8.0 on.
 * A project on Node 22 or later can drop it.
 */
export const NODE_20_OVERRIDE = { name: 'light-my-request', version: '6.6.0' } as const;

const NPM_PLACEHOLDER_TEST = 'echo "Error: no test specified" && exit 1';
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

/**
 * Reads the project's package.json. A CommonJS package (`"type": "commonjs"` or no type) may become ESM only
 * when it has no `.js` file that would change meaning; otherwise throws InitError saying why.
 */
export function readPackage(path: string): PackageJson {
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InitError(`package.json: not valid JSON (${(error as Error).message}); fix it and run again`);
  }
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg))
    throw new InitError('package.json: must be a JSON object');
  const typed = pkg as PackageJson;
  if (typed.type !== 'module' && hasJsFiles(dirname(path)))
    throw new InitError(
      `package.json: the package is CommonJS (${typed.type === undefined ? 'no "type"' : `"type": "${String(typed.type)}"`}) and has .js files, ` +
        'which "type": "module" would break; generated code is ESM, so make the package ESM yourself (or keep the services in a package of their own) and run again',
    );
  return typed;
}

/** The project's package.json with what Switchboard needs added, and the names of scripts left as they were. */
export function withSwitchboard(
  existing: PackageJson | undefined,
  name: string,
  config: ProjectConfig,
): { pkg: PackageJson; keptScripts: string[]; moved: string[] } {
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
    test: config.testRunner === 'vitest' ? 'vitest run' : nodeTestScript(config.testsDir),
  };
  const current = { ...pkg.scripts };
  const keptScripts: string[] = [];
  for (const [key, command] of Object.entries(scripts)) {
    const mine = current[key];
    if (mine === undefined || mine === NPM_PLACEHOLDER_TEST) current[key] = command;
    else if (mine !== command) keptScripts.push(key);
  }
  pkg.scripts = current;
  // The runtime (generated code, services) imports switchboard and fastify, and the services start the
  // OpenTelemetry SDK (`switchboard/telemetry`, whose packages are optional peers of the toolkit): they belong in
  // dependencies, or a production install (`npm ci --omit=dev`) cannot start the services.
  const deps = { ...pkg.dependencies };
  const dev = { ...pkg.devDependencies };
  const moved: string[] = [];
  const runtime = runtimeDependencies();
  for (const [dep, range] of Object.entries(runtime)) {
    if (deps[dep] !== undefined) continue;
    if (dev[dep] !== undefined) {
      deps[dep] = dev[dep];
      delete dev[dep];
      moved.push(dep);
    } else deps[dep] = range;
  }
  if (deps.typescript === undefined && dev.typescript === undefined) dev.typescript = '~5.9.3';
  if (deps['@types/node'] === undefined && dev['@types/node'] === undefined) dev['@types/node'] = '^20.19.0';
  pkg.dependencies = sorted(deps);
  pkg.devDependencies = sorted(dev);
  const overrides = pkg.overrides ?? {};
  // npm refuses an override that differs from a direct dependency's range: a project that names it keeps it.
  const direct = deps[NODE_20_OVERRIDE.name] ?? dev[NODE_20_OVERRIDE.name];
  if (overrides[NODE_20_OVERRIDE.name] === undefined && direct === undefined)
    pkg.overrides = { ...overrides, [NODE_20_OVERRIDE.name]: NODE_20_OVERRIDE.version };
  return { pkg, keptScripts, moved };
}

/**
 * The node runner's `test` script: compiles, then passes the compiled `*.test.js` files, found by the shell, to
 * `node --test` (Node 20 takes a directory and no glob, Node 22 a glob and no directory). With none it fails
 * saying so: `node --test` given no file would run whatever it finds in the whole project.
 */
function nodeTestScript(testsDir: string): string {
  const dir = `build/${testsDir}`;
  return (
    `tsc -p tsconfig.json && files=$(find ${dir} -name '*.test.js' 2>/dev/null || true) && ` +
    `if [ -z "$files" ]; then echo "no *.test.js files under ${dir}" >&2; exit 1; fi && node --test $files`
  );
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * What a project's services need at run time: the toolkit, fastify, and the OpenTelemetry SDK packages that
 * `switchboard/telemetry` imports (optional peers of the toolkit, which the services' `main.ts` start).
 */
export function runtimeDependencies(): Record<string, string> {
  const telemetry = Object.entries(TOOLKIT_PACKAGE.peerDependencies ?? {}).filter(([name]) =>
    name.startsWith('@opentelemetry/'),
  );
  return {
    [TOOLKIT_PACKAGE.name]: `^${TOOLKIT_PACKAGE.version}`,
    fastify: '^5.6.0',
    ...Object.fromEntries(telemetry),
  };
}

/**
 * `pkg` with every runtime dependency it lacks (in neither dependencies nor devDependencies) added to its
 * dependencies, and their names; undefined when nothing is missing. A project set up before a service needed
 * a new package gets it when `new service` adds one.
 */
export function withMissingRuntime(pkg: PackageJson): { pkg: PackageJson; added: string[] } | undefined {
  // The toolkit's own repository (its services import it by name through the exports map) needs no copy of it.
  const missing = Object.entries(runtimeDependencies()).filter(
    ([name]) =>
      name !== pkg.name &&
      pkg.dependencies?.[name] === undefined &&
      pkg.devDependencies?.[name] === undefined,
  );
  if (missing.length === 0) return undefined;
  return {
    pkg: { ...pkg, dependencies: sorted({ ...pkg.dependencies, ...Object.fromEntries(missing) }) },
    added: missing.map(([name]) => name),
  };
}
