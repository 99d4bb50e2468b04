import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readPackage, withMissingRuntime } from './package-json.js';
import {
  CONFIG_FILE,
  formatProjectConfig,
  type ProjectConfig,
  readProjectConfig,
  SERVICE_NAME,
} from './project-config.js';
import { type PlannedFile, type ScaffoldResult, writeScaffold } from './scaffold-files.js';
import { serviceCodeFiles, serviceSpecFile } from './service-files.js';

/** The first dev port handed out when the config lists no service. */
export const FIRST_SERVICE_PORT = 3101;

/** A service `new service` cannot add (bad name, taken name or port); nothing was written. */
export class NewServiceError extends Error {
  override readonly name = 'NewServiceError';
}

/** What `new service` did. */
export interface NewServiceResult extends ScaffoldResult {
  /** The service's dev port, as recorded in the config file. */
  port: number;
  /** The project's settings after the service was added. */
  config: ProjectConfig;
  /** Runtime dependencies the project's package.json lacked and now lists (run `npm install`). */
  addedDependencies: string[];
}

/**
 * Adds service `name` to the project at `root`: its spec from the template, handlers, `app.ts`, `main.ts`, a
 * test over real HTTP, and its entry in the config file with `port` (default: the highest listed port + 1,
 * or 3101), which is where `switchboard dev` and `make dev` find it, and the runtime dependencies its
 * `main.ts` imports that package.json lacks. Writes all or nothing and never overwrites a file (package.json
 * and the config file are merged); generating code is the caller's next step.
 */
export function newService(root: string, name: string, port?: number): NewServiceResult {
  const dir = resolve(root);
  if (!SERVICE_NAME.test(name) || name.length > 50)
    throw new NewServiceError(
      `'${name}' is not a service name: use lowercase letters and digits in words joined by '-' (e.g. billing-service), at most 50 characters`,
    );
  const config = readProjectConfig(dir);
  const spec = ['yaml', 'yml', 'json']
    .map((ext) => `${config.specs}/${name}.${ext}`)
    .find((f) => existsSync(join(dir, f)));
  if (Object.hasOwn(config.services, name) || spec !== undefined)
    throw new NewServiceError(`service '${name}' exists already (${spec ?? `${CONFIG_FILE} services`})`);
  const ports = Object.values(config.services).map((s) => s.port);
  const chosen = port ?? (ports.length === 0 ? FIRST_SERVICE_PORT : Math.max(...ports) + 1);
  if (!Number.isInteger(chosen) || chosen < 1 || chosen > 65535)
    throw new NewServiceError(`the port must be an integer from 1 to 65535, got ${String(port)}`);
  const owner = Object.entries(config.services).find(([, s]) => s.port === chosen)?.[0];
  if (owner !== undefined)
    throw new NewServiceError(`port ${chosen} is ${owner}'s in ${CONFIG_FILE}; pick another with --port`);
  const next: ProjectConfig = { ...config, services: { ...config.services, [name]: { port: chosen } } };
  const files: PlannedFile[] = [
    serviceSpecFile(config, name, chosen),
    ...serviceCodeFiles(config, name, chosen),
    { path: CONFIG_FILE, content: formatProjectConfig(next), merged: true },
  ];
  const pkgPath = join(dir, 'package.json');
  const withRuntime = existsSync(pkgPath) ? withMissingRuntime(readPackage(pkgPath)) : undefined;
  if (withRuntime !== undefined)
    files.push({
      path: 'package.json',
      content: `${JSON.stringify(withRuntime.pkg, null, 2)}\n`,
      merged: true,
    });
  return {
    ...writeScaffold(dir, files),
    port: chosen,
    config: next,
    addedDependencies: withRuntime?.added ?? [],
  };
}
