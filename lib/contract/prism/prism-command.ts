import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Prism's log levels; `info` logs every request and how it was validated. */
export type PrismLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/** How Prism should run one mock. */
export interface PrismCommandOptions {
  /** Path of the OpenAPI document to mock. */
  specPath: string;
  /** Port to listen on. */
  port: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Prism's log level. Default `warn`. */
  logLevel?: PrismLogLevel;
  /** Give Prism faker's English-only build instead of all 60 locales (see `fakerPreload`). Default true. */
  lightFaker?: boolean;
}

const require = createRequire(import.meta.url);

/** The one package to add when Prism is missing: the newest Prism that runs on Node 20. */
export const PRISM_PACKAGE = '@stoplight/prism-cli@5.14.2';

/** Prism is not installed where the toolkit or the project can load it. */
export class PrismMissingError extends Error {
  override readonly name = 'PrismMissingError';
  constructor() {
    super(`Prism is not installed: add it with \`npm install --save-dev ${PRISM_PACKAGE}\``);
  }
}

/**
 * Prism's CLI entry: resolved from the toolkit (a peer dependency, hoisted beside it) or else from the project
 * in the current folder (strict layouts such as pnpm). Throws PrismMissingError when neither has it.
 */
export function prismEntry(cwd = process.cwd()): string {
  for (const from of [require, createRequire(join(cwd, 'package.json'))]) {
    try {
      return from.resolve('@stoplight/prism-cli/dist/index.js');
    } catch {
      // not installed here: try the next place
    }
  }
  throw new PrismMissingError();
}

/**
 * The argv that runs Prism's CLI with the current Node (`process.execPath` plus these). Prism is spawned as
 * `node …/prism-cli/dist/index.js` rather than through `npx`, whose pid is not the server's, and in a single
 * process (`--multiprocess=false`, else it forks under NODE_ENV=production), so stopping the pid stops it.
 */
export function prismArgs(options: PrismCommandOptions): string[] {
  return [
    ...(options.lightFaker === false ? [] : ['--import', fakerPreload()]),
    prismEntry(),
    'mock',
    '--host',
    options.host ?? '127.0.0.1',
    '--port',
    String(options.port),
    '--multiprocess=false',
    '--verboseLevel',
    options.logLevel ?? 'warn',
    options.specPath,
  ];
}

/**
 * A `--import` module (as a data: URL) that puts faker's English-only build in the require cache under
 * `@faker-js/faker`. Prism 5.14 loads faker 6 with every locale at start-up, over half of its ~2.5 s of CPU,
 * yet only uses the default English one (and only for `x-faker` schemas, which our specs do not use).
 */
export function fakerPreload(): string {
  const prismHttp = createRequire(prismEntry()).resolve('@stoplight/prism-http/package.json');
  const code = `import Module, { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(prismHttp)});
const id = require.resolve('@faker-js/faker');
const en = require('@faker-js/faker/locale/en');
const shim = new Module(id);
shim.filename = id;
shim.loaded = true;
shim.exports = { __esModule: true, default: en, faker: en };
require.cache[id] = shim;`;
  return `data:text/javascript,${encodeURIComponent(code)}`;
}
