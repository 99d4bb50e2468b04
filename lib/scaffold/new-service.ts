import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONFIG_FILE, formatProjectConfig, type ProjectConfig, readProjectConfig } from './project-config.js';
import { type PlannedFile, type ScaffoldResult, writeScaffold } from './scaffold-files.js';
import { SERVICE_NAME, serviceCodeFiles, serviceSpecFile } from './service-files.js';

/** The first dev port handed out when the config lists no service. */
export const FIRST_SERVICE_PORT = 3101;

/** A service `new service` cannot add (bad name, taken name or port); nothing was written. */
export class NewServiceError extends Error {
  override readonly name = 'NewServiceError';
}

/** What `new service` did. */
export interface NewServiceResult extends ScaffoldResult {
  port: number;
  config: ProjectConfig;
}

/**
 * Adds service `name` to the project at `dir`: its spec from the template, handlers, `app.ts`, `main.ts`, a
 * test over real HTTP, and its entry (with `port`, default the highest listed port + 1) in the config file,
 * which is where `switchboard dev` finds it. Writes all or nothing; never overwrites a file. Generation is the
 * caller's next step.
 */
export function newService(dir: string, name: string, port?: number): NewServiceResult {
  const root = resolve(dir);
  if (!SERVICE_NAME.test(name) || name.length > 50)
    throw new NewServiceError(
      `'${name}' is not a service name: use lowercase letters and digits in words joined by '-' (e.g. billing-service), at most 50 characters`,
    );
  const config = readProjectConfig(root);
  if (config.services[name] !== undefined || existsSync(join(root, config.specs, `${name}.yaml`)))
    throw new NewServiceError(
      `service '${name}' exists already (${CONFIG_FILE} or ${config.specs}/${name}.yaml)`,
    );
  const ports = Object.values(config.services).map((s) => s.port);
  const chosen = port ?? (ports.length === 0 ? FIRST_SERVICE_PORT : Math.max(...ports) + 1);
  if (!Number.isInteger(chosen) || chosen < 1 || chosen > 65535)
    throw new NewServiceError(`--port must be an integer from 1 to 65535, got ${String(port)}`);
  const owner = Object.entries(config.services).find(([, s]) => s.port === chosen)?.[0];
  if (owner !== undefined)
    throw new NewServiceError(`port ${chosen} is ${owner}'s in ${CONFIG_FILE}; pick another with --port`);
  const next: ProjectConfig = { ...config, services: { ...config.services, [name]: { port: chosen } } };
  const files: PlannedFile[] = [
    serviceSpecFile(config, name, chosen),
    ...serviceCodeFiles(config, name, chosen),
    { path: CONFIG_FILE, content: formatProjectConfig(next), merged: true },
  ];
  return { ...writeScaffold(root, files), port: chosen, config: next };
}
