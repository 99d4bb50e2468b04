import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { mockableServices } from '../contract/prism/mockable-services.js';
import { PrismMissingError, prismArgs } from '../contract/prism/prism-command.js';
import { ConfigFileError, readProjectConfig } from '../scaffold/project-config.js';

const HELP = `usage: switchboard mock <service|spec-file> [--port N] [--specs DIR]

Runs a Prism 5.14 mock of one spec on 127.0.0.1 (default port 4010) in the foreground, logging every
request and how it was validated; Ctrl-C stops it. Pick a scenario per request with the header
Prefer: code=404 | example=<name> | dynamic=true. Needs @stoplight/prism-cli (an optional peer dependency).
  --specs DIR   folder of specs (default: "specs" in switchboard.config.json, else specs)`;

/** `switchboard mock`: exits with Prism's code; 1 when Prism is missing or fails to start, 2 on bad usage. */
export async function mockCommand(args: string[]): Promise<number> {
  let parsed: { values: { port?: string; specs?: string; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { port: { type: 'string' }, specs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (parsed.values.help === true) {
      console.log(HELP);
      return 0;
    }
    const specsDir = parsed.values.specs ?? readProjectConfig().specs;
    const [target] = parsed.positionals;
    const specPath = await findSpec(specsDir, target);
    const port = Number(parsed.values.port ?? 4010);
    if (!/^\d+$/.test(parsed.values.port ?? '4010') || port < 1 || port > 65535)
      throw new UsageError(`--port must be an integer from 1 to 65535, got '${parsed.values.port}'`);
    return await runPrism(relative(process.cwd(), specPath) || specPath, port);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`switchboard mock: ${error.message}\n\n${HELP}`);
      return 2;
    }
    if (error instanceof PrismMissingError || error instanceof ConfigFileError) {
      console.error(`switchboard mock: ${error.message}`);
      return 1;
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`switchboard mock: ${error.message}\n\n${HELP}`);
      return 2;
    }
    throw error;
  }
}

class UsageError extends Error {}

async function findSpec(specsDir: string, target: string | undefined): Promise<string> {
  if (target !== undefined && /\.(ya?ml|json)$/.test(target)) {
    if (!existsSync(target)) throw new UsageError(`no such spec file: ${target}`);
    return target;
  }
  if (!existsSync(specsDir)) throw new UsageError(`no specs folder '${specsDir}'`);
  const services = await mockableServices(specsDir);
  const found = services.find((s) => s.name === target);
  if (found !== undefined) return found.specPath;
  const problem = target === undefined ? 'name a service' : `no spec for '${target}' in ${specsDir}/`;
  throw new UsageError(`${problem}; services: ${services.map((s) => s.name).join(', ') || '(none)'}`);
}

function runPrism(specPath: string, port: number): Promise<number> {
  const host = '127.0.0.1';
  const argv = prismArgs({ specPath, host, port, logLevel: 'info' });
  console.log(`[mock] Prism on ${specPath} at http://${host}:${port} (Ctrl-C stops it)`);
  console.log('[mock] pick a scenario per request: Prefer: code=404 | example=<name> | dynamic=true');
  const child = spawn(process.execPath, argv, { stdio: 'inherit' });
  let stopping = false;
  const forward = (signal: NodeJS.Signals) => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`switchboard mock: cannot start Prism: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (stopping) return resolve(0);
      console.error(`[mock] Prism exited (${signal ?? `code ${code}`})`);
      resolve(code ?? 1);
    });
  });
}
