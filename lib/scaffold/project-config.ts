import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The name of the project's Switchboard settings file, at the project root. */
export const CONFIG_FILE = 'switchboard.config.json';

/** Where a service listens in `switchboard dev`, as recorded by `switchboard new service --port`. */
export interface ServiceEntry {
  port: number;
}

/** A project's Switchboard settings: what `init` writes and every command reads for its defaults. */
export interface ProjectConfig {
  /** Folder of OpenAPI specs. Default `specs`. */
  specs: string;
  /** Folder generated code goes to. Default `generated`. */
  out: string;
  /** Folder of service implementations (`<servicesDir>/<name>/app.ts`). Default `services`. */
  servicesDir: string;
  /** Folder `new service` writes its test to. Default `test`. */
  testsDir: string;
  /** Module the scaffolded tests take `test` from: `node` (node:test) or `vitest`. Default `node`. */
  testRunner: 'node' | 'vitest';
  /** Git ref the breaking-change gate compares with. Default `origin/main`. */
  diffBase: string;
  /** Services by name, with their dev port. */
  services: Record<string, ServiceEntry>;
}

/** The settings a project without a config file gets. */
export const DEFAULT_CONFIG: ProjectConfig = {
  specs: 'specs',
  out: 'generated',
  servicesDir: 'services',
  testsDir: 'test',
  testRunner: 'node',
  diffBase: 'origin/main',
  services: {},
};

/** A config file that cannot be used; the message names the file and the field. */
export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
}

/** Service names: lowercase words joined by `-` (`billing`, `billing-service`), at most 50 characters. */
export const SERVICE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const STRING_KEYS = ['specs', 'out', 'servicesDir', 'testsDir', 'diffBase'] as const;

/**
 * Reads `switchboard.config.json` in `root` (default: the current folder), or the defaults when there is none.
 * Throws ConfigFileError naming the field for JSON that is not a valid config.
 */
export function readProjectConfig(root = process.cwd()): ProjectConfig {
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file)) return structuredClone(DEFAULT_CONFIG);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigFileError(`${CONFIG_FILE}: not valid JSON: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ConfigFileError(`${CONFIG_FILE}: must be a JSON object`);
  const fields = raw as Record<string, unknown>;
  const known = new Set<string>([...Object.keys(DEFAULT_CONFIG), '$comment']);
  const unknown = Object.keys(fields).filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw new ConfigFileError(`${CONFIG_FILE}: unknown field ${unknown.map((k) => `'${k}'`).join(', ')}`);
  const config = structuredClone(DEFAULT_CONFIG);
  for (const key of STRING_KEYS) {
    const value = fields[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '')
      throw new ConfigFileError(`${CONFIG_FILE}: '${key}' must be a non-empty string`);
    config[key] = value;
  }
  if (fields.testRunner !== undefined) {
    if (fields.testRunner !== 'node' && fields.testRunner !== 'vitest')
      throw new ConfigFileError(`${CONFIG_FILE}: 'testRunner' must be "node" or "vitest"`);
    config.testRunner = fields.testRunner;
  }
  config.services = readServices(fields.services);
  return config;
}

function readServices(value: unknown): Record<string, ServiceEntry> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ConfigFileError(`${CONFIG_FILE}: 'services' must be an object of { "<name>": { "port": N } }`);
  const services: Record<string, ServiceEntry> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (!SERVICE_NAME.test(name) || name.length > 50)
      throw new ConfigFileError(
        `${CONFIG_FILE}: 'services' has '${name}', which is not a service name (lowercase words joined by '-')`,
      );
    const port = (entry as { port?: unknown } | null)?.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
      throw new ConfigFileError(`${CONFIG_FILE}: 'services.${name}.port' must be an integer from 1 to 65535`);
    services[name] = { port };
  }
  return services;
}

/** The config file's text for `config`, keys in a stable order, services sorted by port. */
export function formatProjectConfig(config: ProjectConfig): string {
  const services = Object.fromEntries(
    Object.entries(config.services).sort(([, a], [, b]) => a.port - b.port),
  );
  return `${JSON.stringify({ ...config, services }, null, 2)}\n`;
}
