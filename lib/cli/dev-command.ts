import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigFileError, readProjectConfig } from '../scaffold/project-config.js';
import { formatLogLine } from './log-line.js';

const HELP = `usage: switchboard dev [--build DIR]

Starts every service listed in switchboard.config.json from its compiled main.js
(<build>/<servicesDir>/<name>/main.js; default build folder: build, so run \`npm run build\` first) on
127.0.0.1 at its port, with one INTERNAL_AUTH_TOKEN shared by all (yours when set, else a random one kept
in .switchboard/dev-token, mode 0600) and <NAME>_URL set for every service. Prefixes each log line with the service name; Ctrl-C stops them all.`;

/** `switchboard dev`: runs until Ctrl-C (exit 0) or until a service exits (its code); 1/2 on bad setup. */
export async function devCommand(args: string[]): Promise<number> {
  let build: string;
  try {
    const { values } = parseArgs({
      args,
      options: { build: { type: 'string', default: 'build' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help === true) {
      console.log(HELP);
      return 0;
    }
    build = values.build as string;
  } catch (error) {
    console.error(`switchboard dev: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  let config: ReturnType<typeof readProjectConfig>;
  try {
    config = readProjectConfig();
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    console.error(`switchboard dev: ${error.message}`);
    return 1;
  }
  const services = Object.entries(config.services);
  if (services.length === 0) {
    console.error(
      'switchboard dev: no service in switchboard.config.json; add one with `switchboard new service <name>`',
    );
    return 1;
  }
  const missing = services.filter(([name]) => !existsSync(mainOf(build, config.servicesDir, name)));
  if (missing.length > 0) {
    console.error(
      `switchboard dev: not built: ${missing.map(([n]) => mainOf(build, config.servicesDir, n)).join(', ')}; run \`npm run build\` first`,
    );
    return 1;
  }
  const host = '127.0.0.1';
  const urls = Object.fromEntries(
    services.map(([name, s]) => [
      `${name.toUpperCase().replaceAll('-', '_')}_URL`,
      `http://${host}:${s.port}`,
    ]),
  );
  const token = devToken();
  const env = { ...process.env, ...urls, HOST: host, INTERNAL_AUTH_TOKEN: token.value };
  const children: ChildProcess[] = [];
  const width = Math.max(...services.map(([n]) => n.length));
  for (const [name, { port }] of services) {
    const child = spawn(process.execPath, ['--enable-source-maps', mainOf(build, config.servicesDir, name)], {
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr])
      createInterface({ input: stream }).on('line', (line) =>
        process.stdout.write(`${formatLogLine(name, line)}\n`),
      );
    children.push(child);
    console.log(`  ${name.padEnd(width)}  http://${host}:${port}  (docs: /docs, health: /health)`);
  }
  const [first] = services;
  console.log(
    `  X-Internal-Auth: ${token.from}\n` +
      `  try: curl -H "X-Internal-Auth: $(cat ${TOKEN_FILE})" http://${host}:${first?.[1].port}/docs/json\n` +
      '  Ctrl-C stops every service',
  );
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (code: number) => {
      if (stopping) return;
      stopping = true;
      for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
      Promise.all(
        children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)),
      ).then(() => resolve(code));
    };
    process.once('SIGINT', () => stop(0));
    process.once('SIGTERM', () => stop(0));
    for (const [i, child] of children.entries())
      child.once('exit', (code) => {
        if (stopping) return;
        console.error(`switchboard dev: ${services[i]?.[0]} exited (code ${code}); stopping the others`);
        stop(code === 0 || code === null ? 1 : code);
      });
  });
}

const TOKEN_FILE = join('.switchboard', 'dev-token');

/**
 * The internal token the services share: INTERNAL_AUTH_TOKEN when set, else the one kept in
 * `.switchboard/dev-token` (mode 0600, made on first use), so a terminal can read it to call a service.
 */
function devToken(): { value: string; from: string } {
  const set = process.env.INTERNAL_AUTH_TOKEN;
  mkdirSync(dirname(TOKEN_FILE), { recursive: true });
  if (set !== undefined && set !== '') {
    writeFileSync(TOKEN_FILE, `${set.split(',')[0]?.trim() ?? ''}\n`, { mode: 0o600 });
    return { value: set, from: `INTERNAL_AUTH_TOKEN (its first value copied to ${TOKEN_FILE})` };
  }
  if (existsSync(TOKEN_FILE))
    return { value: readFileSync(TOKEN_FILE, 'utf8').trim(), from: `kept in ${TOKEN_FILE}` };
  const value = randomBytes(32).toString('hex');
  writeFileSync(TOKEN_FILE, `${value}\n`, { mode: 0o600 });
  return { value, from: `new, in ${TOKEN_FILE} (mode 0600; set INTERNAL_AUTH_TOKEN to choose one)` };
}

function mainOf(build: string, servicesDir: string, name: string): string {
  return join(build, servicesDir, name, 'main.js');
}
