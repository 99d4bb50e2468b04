// `make dev`: starts every service in switchboard.config.json on loopback with shared secrets, prefixes their logs, prints where
// to look, and stops every child on Ctrl-C or SIGTERM (or when one of them dies).
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { formatLogLine } from '../lib/cli/log-line.js';
import { readProjectConfig } from '../lib/scaffold/project-config.js';
import { devSecrets } from './dev-secrets.js';

const root = join(import.meta.dirname, '..');
// The services and their ports come from switchboard.config.json (`switchboard new service` adds there);
// DEV_BASE_PORT moves them all, keeping auth-service's place as the base.
const config = readProjectConfig(root);
const SERVICES = Object.keys(config.services);
const offset =
  process.env.DEV_BASE_PORT === undefined
    ? 0
    : Number(process.env.DEV_BASE_PORT) - (config.services['auth-service']?.port ?? 3001);
const host = '127.0.0.1';
const port = (name: string) => (config.services[name]?.port ?? 0) + offset;
const url = (name: string) => `http://${host}:${port(name)}`;
const secretsFile = join(root, '.switchboard', 'dev-secrets.env');
const { secrets, wrote } = devSecrets(secretsFile);

const env = {
  ...process.env,
  ...secrets,
  ...Object.fromEntries(
    SERVICES.map((name) => [`${name.toUpperCase().replaceAll('-', '_')}_URL`, url(name)]),
  ),
  HOST: host,
  INTEXURAOS_USER_SERVICE_URL: url('user-service'),
  INTEXURAOS_NOTION_SERVICE_URL: url('notion-service'),
  INTEXURAOS_WHATSAPP_SERVICE_URL: url('whatsapp-service'),
};
const children = new Map<string, ChildProcess>();
let stopping = false;

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, 5000);
  force.unref();
  const wait = () =>
    [...children.values()].every((c) => c.exitCode !== null || c.signalCode !== null)
      ? process.exit(code)
      : setTimeout(wait, 50);
  wait();
}

for (const name of SERVICES) {
  const child = spawn(
    process.execPath,
    ['--conditions=switchboard-source', '--import', 'tsx', join(root, config.servicesDir, name, 'main.ts')],
    {
      cwd: root,
      env: { ...env, PORT: String(port(name)) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.set(name, child);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) =>
      process.stdout.write(`${formatLogLine(name, line)}\n`),
    );
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stdout.write(`[dev] ${name} exited (${signal ?? `code ${code}`}); stopping the others\n`);
    stopAll(1);
  });
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function healthy(name: string): Promise<boolean> {
  for (let attempt = 0; attempt < 200 && !stopping; attempt++) {
    const ok = await fetch(`${url(name)}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

const up = await Promise.all(SERVICES.map((name) => healthy(name)));
if (!stopping) {
  const lines = SERVICES.map(
    (name, i) =>
      `  ${name.padEnd(17)} ${url(name)}  docs ${url(name)}/docs  metrics ${url(name)}/metrics  ${up[i] ? 'up' : 'NOT ANSWERING'}`,
  );
  const store =
    process.env.REDIS_URL === undefined
      ? 'in-memory stores (set REDIS_URL to use Redis)'
      : `Redis at ${process.env.REDIS_URL}`;
  process.stdout.write(
    `\n[dev] switchboard is running (${store}):\n${lines.join('\n')}\n` +
      `[dev] secrets: ${wrote ? 'new ones written to' : 'read from the environment or'} ${secretsFile} (mode 0600)\n` +
      `[dev] try: curl -H "X-Internal-Auth: $(grep INTEXURAOS_INTERNAL_AUTH_TOKEN ${secretsFile} | cut -d= -f2)" ${url('llm-orchestrator')}/internal/llm/users/usr_1/readiness\n` +
      `[dev] metrics: Prometheus text at <service>/metrics (X-Internal-Auth as above); traces: ${
        process.env.OTEL_EXPORTER_OTLP_ENDPOINT === undefined
          ? 'set OTEL_EXPORTER_OTLP_ENDPOINT (OTLP/HTTP JSON) to export them'
          : `exported to ${process.env.OTEL_EXPORTER_OTLP_ENDPOINT}`
      }\n` +
      '[dev] Ctrl-C stops every service\n\n',
  );
}
