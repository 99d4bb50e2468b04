// `make dev`: starts every service in switchboard.config.json on loopback with shared secrets, prefixes their logs, prints where
// to look, and stops every child on Ctrl-C, SIGTERM or SIGHUP, when its own parent dies, or when one of them dies.
// `make dev REPLICAS=3` (with REDIS_URL) runs three of each service whose state lives in Redis; their callers
// get the list.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { formatLogLine } from '../lib/cli/log-line.js';
import { readProjectConfig } from '../lib/scaffold/project-config.js';
import { devSecrets } from './dev-secrets.js';
import { watchParent } from './parent-watch.js';

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

// Stateless over Redis when REDIS_URL is set: any number of them may serve the same users.
const REDIS_BACKED = new Set(['auth-service', 'user-service', 'notion-service', 'whatsapp-service']);
/** Replica k (from 0) of a service listens on its port + REPLICA_PORT_STEP × k. */
const REPLICA_PORT_STEP = 10;
const replicas = Number(process.env.REPLICAS?.trim() || '1');
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 9) {
  process.stderr.write(`[dev] REPLICAS=${process.env.REPLICAS} must be an integer from 1 to 9\n`);
  process.exit(1);
}
if (replicas > 1 && !process.env.REDIS_URL) {
  process.stderr.write(
    `[dev] REPLICAS=${replicas} needs REDIS_URL: replicas share their state through Redis, and in-memory stores cannot be shared\n`,
  );
  process.exit(1);
}

/** One process `make dev` runs: a service, or one replica of it. */
interface Instance {
  service: string;
  /** Its name in the logs: the service's, with `#n` for a replica. */
  label: string;
  port: number;
  url: string;
}
const instances: Instance[] = SERVICES.flatMap((service) => {
  const count = REDIS_BACKED.has(service) ? replicas : 1;
  return Array.from({ length: count }, (_, k) => {
    const p = port(service) + REPLICA_PORT_STEP * k;
    return {
      service,
      label: count === 1 ? service : `${service}#${k + 1}`,
      port: p,
      url: `http://${host}:${p}`,
    };
  });
});
const clash = instances.find((a, i) => instances.findIndex((b) => b.port === a.port) !== i);
if (clash !== undefined) {
  process.stderr.write(
    `[dev] port ${clash.port} of ${clash.label} is taken by another service; use fewer REPLICAS\n`,
  );
  process.exit(1);
}
/** A service's base URL for its callers: its replicas' URLs, comma-separated (generated clients balance). */
const url = (name: string) =>
  instances
    .filter((i) => i.service === name)
    .map((i) => i.url)
    .join(',');
const secretsFile = join(root, '.switchboard', 'dev-secrets.env');
const { secrets, wrote } = devSecrets(secretsFile);

const urlEnv: Record<string, string> = {
  ...Object.fromEntries(
    SERVICES.map((name) => [`${name.toUpperCase().replaceAll('-', '_')}_URL`, url(name)]),
  ),
  INTEXURAOS_USER_SERVICE_URL: url('user-service'),
  INTEXURAOS_NOTION_SERVICE_URL: url('notion-service'),
  INTEXURAOS_WHATSAPP_SERVICE_URL: url('whatsapp-service'),
};
const env = { ...process.env, ...secrets, ...urlEnv, HOST: host };
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

/** A service that dies this long after starting is restarted alone; sooner, its start-up is broken. */
const STARTUP_MS = 5000;
const MAX_RESTART_DELAY_MS = 30_000;

function start(instance: (typeof instances)[number], restarts = 0): void {
  const { service, label: name, port: listen } = instance;
  const child = spawn(
    process.execPath,
    [
      '--conditions=switchboard-source',
      '--import',
      'tsx',
      '--import',
      join(root, 'scripts', 'dev-child.ts'),
      join(root, config.servicesDir, service, 'main.ts'),
    ],
    {
      cwd: root,
      env: { ...env, PORT: String(listen) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const startedAt = Date.now();
  children.set(name, child);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) =>
      process.stdout.write(`${formatLogLine(name, line)}\n`),
    );
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    const how = signal ?? `code ${code}`;
    if (Date.now() - startedAt < STARTUP_MS) {
      process.stdout.write(
        `[dev] ${name} exited during start-up (${how}); stopping the others (a port in use? DEV_BASE_PORT=4101 moves them all)\n`,
      );
      stopAll(1);
      return;
    }
    // A crash (or a kill) after a good start: restart this one alone, the others keep serving.
    const delay = Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** restarts);
    process.stdout.write(
      `[dev] ${name} exited (${how}); restarting it in ${delay / 1000} s, the others keep running\n`,
    );
    const timer = setTimeout(() => {
      if (!stopping) start(instance, Date.now() - startedAt > MAX_RESTART_DELAY_MS ? 0 : restarts + 1);
    }, delay);
    timer.unref();
  });
}

for (const instance of instances) start(instance);

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
process.on('SIGHUP', () => stopAll(0));
watchParent(() => stopAll(0));

async function healthy(base: string): Promise<boolean> {
  for (let attempt = 0; attempt < 200 && !stopping; attempt++) {
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

const up = await Promise.all(instances.map((i) => healthy(i.url)));
if (!stopping) {
  const lines = instances.map(
    (i, n) =>
      `  ${i.label.padEnd(19)} ${i.url}  docs ${i.url}/docs  metrics ${i.url}/metrics  ${up[n] ? 'up' : 'NOT ANSWERING'}`,
  );
  if (replicas > 1)
    lines.push(
      `[dev] ${replicas} replicas of ${[...REDIS_BACKED].filter((s) => SERVICES.includes(s)).join(', ')}; their callers get:`,
      ...Object.entries(urlEnv)
        .filter(([, value]) => value.includes(','))
        .map(([name, value]) => `  ${name}=${value}`),
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
