// The journey of a team that installs Switchboard in its own repository, from the packed tarball: install,
// init, new service, generate, a plain `tsc` build (default lib, skipLibCheck off), node runs the compiled
// service, a generated-client call succeeds and `switchboard verify` passes against it.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../lib/contract/prism/free-port.js';
import { packToolkit } from './pack-toolkit.js';

const work = mkdtempSync(join(tmpdir(), 'switchboard-tarball-'));
const project = join(work, 'team-project');
let tarball = '';
let service: ChildProcess | undefined;

/** Runs a command in the team's project and returns its stdout and stderr; throws with both when it fails. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, {
    cwd: project,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    encoding: 'utf8',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${output}`);
  return output;
}

const switchboard = (...args: string[]) =>
  run(process.execPath, [join(project, 'node_modules', 'switchboard', 'bin', 'switchboard.js'), ...args]);

beforeAll(() => {
  tarball = packToolkit(work);
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'team-project', version: '1.0.0' }, null, 2)}\n`,
  );
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball, '@types/node@20.19.25']);
}, 180_000);

afterAll(() => {
  if (service?.pid !== undefined && service.exitCode === null) service.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball in a new project', () => {
  it('ships compiled JavaScript, declarations and templates, never lib/ sources or tests', () => {
    const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listing).toContain('package/dist/client/index.js');
    expect(listing).toContain('package/dist/server/index.d.ts');
    expect(listing).toContain('package/templates/service/spec.yaml');
    expect(
      listing.filter((f) => /^package\/(lib|test|services|bench|specs|generated|\.ci)\//.test(f)),
    ).toEqual([]);
    expect(switchboard('--version').trim()).toBe(
      (
        JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version,
    );
  });

  it('init, new service, generate, tsc, node: a generated client call succeeds and verify passes', async () => {
    expect(switchboard('init')).toContain('wrote     specs/common.yaml');
    // init's override keeps cookie@2 (Node >= 22) out of the tree: no engine warning on Node 20.
    expect(run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'])).not.toContain(
      'EBADENGINE',
    );
    expect(switchboard('new', 'service', 'billing-service', '--port', '3150')).toContain(
      'generated billing-service',
    );
    expect(switchboard('lint')).toContain('no problems');
    expect(switchboard('generate', '--check')).toContain('up to date');
    const client = readFileSync(join(project, 'generated', 'billing-service', 'client.ts'), 'utf8');
    expect(client).toContain("from 'switchboard/client'");
    expect(client).not.toMatch(/from '\.\.?\/.*node_modules/);

    run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
    expect(readdirSync(join(project, 'build', 'services', 'billing-service'))).toContain('main.js');
    const tested = run('npm', ['test']);
    expect(tested).toMatch(/# pass 1\b/);
    // The team gets the newest Fastify 5 as the peer; the service must not log its deprecation warnings.
    expect(tested).not.toContain('FastifyDeprecation');

    const token = randomBytes(32).toString('hex');
    const port = await freePort();
    service = spawn(process.execPath, ['build/services/billing-service/main.js'], {
      cwd: project,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        PORT: String(port),
        INTERNAL_AUTH_TOKEN: token,
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const url = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${url}/health`).catch(() => undefined))?.ok === true);

    const call = `import { createBillingServiceClient } from './build/generated/billing-service/client.js';
const c = createBillingServiceClient({ baseUrl: ${JSON.stringify(url)}, credentials: { InternalAuth: process.env.TOKEN } });
const r = await c.getGreeting({ path: { name: 'grace' } });
process.stdout.write(JSON.stringify(r.ok ? r.value : r.error.code));`;
    writeFileSync(join(project, 'call.mjs'), call);
    expect(JSON.parse(run(process.execPath, ['call.mjs'], { TOKEN: token, NODE_NO_WARNINGS: '1' }))).toEqual({
      message: 'Hello, grace!',
    });

    const verified = switchboard('verify', 'billing-service', '--url', url, '--token', token);
    expect(verified).toMatch(/: 0 violation\(s\)/);

    // The scaffolded main.ts starts the OpenTelemetry SDK: the call above is in its Prometheus metrics.
    const metrics = await fetch(`${url}/metrics`, { headers: { 'x-internal-auth': token } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(
      /^http_server_request_duration_seconds_count\{[^}]*http_route="\/internal\/billing\/greetings\/\{name\}"[^}]*\} [1-9]/m,
    );
  }, 180_000);
});

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready within ${ms} ms`);
}
