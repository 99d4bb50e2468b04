import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyCommand } from '../../../lib/cli/verify-command.js';
import { buggyGadgetApp, GADGET_SPEC, GADGET_TOKEN, goodGadgetApp } from './gadget-apps.js';

const apps: FastifyInstance[] = [];
let goodUrl: string;
let buggyUrl: string;

beforeAll(async () => {
  const good = await goodGadgetApp();
  const buggy = buggyGadgetApp();
  apps.push(good, buggy);
  goodUrl = await good.listen({ host: '127.0.0.1', port: 0 });
  buggyUrl = await buggy.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
});

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    const code = await verifyCommand(args, env);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('switchboard verify', () => {
  it('exits 0 for a provider that keeps its contract, taking the token from the environment', async () => {
    const r = await run([GADGET_SPEC, '--url', goodUrl, '--cases', '30', '--seed', 'cli'], {
      INTEXURAOS_INTERNAL_AUTH_TOKEN: `${GADGET_TOKEN},an-older-token-still-accepted`,
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /gadget-service \(.*gadget-service\.yaml\) at http:\/\/127\.0\.0\.1:\d+: seed cli, 30 cases per operation/,
    );
    expect(r.out).toMatch(
      /createGadget +POST \/internal\/gadgets\/gadgets +36 cases +201×\d+ 400×\d+ 401×6 +ok/,
    );
    expect(r.out).toMatch(/3 operation\(s\), \d+ cases in [\d.]+ s \(\d+ cases\/s\): 0 violation\(s\)/);
  });

  it('exits 1 and prints each violation with its curl line', async () => {
    const r = await run([
      GADGET_SPEC,
      '--url',
      buggyUrl,
      '--token',
      GADGET_TOKEN,
      '--cases',
      '30',
      '--operation',
      'getGadget',
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('violations of getGadget (GET /internal/gadgets/gadgets/{id}):');
    expect(r.out).toContain('undocumented status 418');
    expect(r.out).toMatch(
      /curl -sS -i -X GET 'http:\/\/127\.0\.0\.1:\d+\/internal\/gadgets\/gadgets\/[^']*' .*"X-Internal-Auth: \$\{INTERNAL_AUTH_TOKEN\}"|curl -sS -i -X GET http:\/\/127\.0\.0\.1:\d+\/internal\/gadgets\/gadgets\/\S+ .*"X-Internal-Auth: \$\{INTERNAL_AUTH_TOKEN\}"/,
    );
  });

  it('prints the report as JSON with --json', async () => {
    const r = await run([
      GADGET_SPEC,
      '--url',
      goodUrl,
      '--token',
      GADGET_TOKEN,
      '--cases',
      '10',
      '--seed',
      '5',
      '--json',
    ]);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ ok: true, seed: '5', casesPerOperation: 10, violations: 0 });
    expect(report.operations).toHaveLength(3);
  });

  it('exits 2 when a secured operation could only be sent without credentials, unless that is allowed', async () => {
    const bare = [GADGET_SPEC, '--url', goodUrl, '--cases', '5', '--seed', 'nocreds'];
    const refused = await run(bare);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/no credentials for InternalAuth.*pass --token/);
    const allowed = await run([...bare, '--allow-missing-credentials']);
    expect(allowed.code).toBe(0);
    expect(allowed.err).toBe('');
  });

  it('exits 2 on bad input', async () => {
    expect((await run([GADGET_SPEC])).code).toBe(2);
    expect((await run(['--url', goodUrl])).code).toBe(2);
    expect((await run([GADGET_SPEC, '--url', goodUrl, '--cases', 'many'])).code).toBe(2);
    expect((await run(['no-such-service', '--url', goodUrl])).code).toBe(2);
    const unreachable = await run([GADGET_SPEC, '--url', 'http://127.0.0.1:9']);
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9/);
    expect((await run(['--help'])).code).toBe(0);
  });
});
