import type { FastifyInstance } from 'fastify';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyCommand } from '../../../lib/cli/verify-command.js';
import { obtainBearer, VerifyInputError, verifyProvider } from '../../../lib/contract/verify/index.js';
import { BEARER_SPEC, bearerApp, MINT_INTERNAL_TOKEN } from './bearer-app.js';

const tokens = new Set<string>();
let app: FastifyInstance;
let url: string;
const dispatcher = new Agent();

beforeAll(async () => {
  app = bearerApp(tokens);
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
  await dispatcher.close();
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    const code = await verifyCommand(args, {});
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('obtainBearer', () => {
  it('takes the token a command prints, without the trailing newline', async () => {
    expect(await obtainBearer({ command: 'echo tok-123' }, dispatcher, 5000)).toBe('tok-123');
  });

  it.each([
    ['exit 3', /bearer command failed: Command failed/],
    ['true', /bearer command failed: it printed nothing/],
    ['echo two words', /bearer command failed: it printed more than one word/],
  ])('refuses the command %s', async (command, message) => {
    await expect(obtainBearer({ command }, dispatcher, 5000)).rejects.toThrow(message);
  });

  it('mints one with a POST, sending the headers and JSON body, reading access_token', async () => {
    const token = await obtainBearer(
      { url: `${url}/mint`, headers: { 'X-Internal-Auth': MINT_INTERNAL_TOKEN }, body: { userId: 'usr_9' } },
      dispatcher,
      5000,
    );
    expect(token).toMatch(/^usr_9\.[0-9a-f]{32}$/);
    expect(tokens.has(token)).toBe(true);
  });

  it.each([
    [
      { headers: { 'X-Internal-Auth': 'wrong' }, body: { userId: 'u' } },
      /answered 401 \{"error":"Unauthorized"\}/,
    ],
    [{ headers: { 'X-Internal-Auth': MINT_INTERNAL_TOKEN } }, /answered 400/],
  ])('rejects a mint that is not answered 2xx (%#)', async (request, message) => {
    const error = await obtainBearer({ url: `${url}/mint`, ...request }, dispatcher, 5000).catch((e) => e);
    expect(error).toBeInstanceOf(VerifyInputError);
    expect(error.message).toMatch(message);
  });

  it('rejects a 2xx answer without a token', async () => {
    await expect(obtainBearer({ url: `${url}/mint-nothing` }, dispatcher, 5000)).rejects.toThrow(
      /cannot mint a bearer token at http:\/\/127\.0\.0\.1:\d+\/mint-nothing: the answer has no token or access_token string/,
    );
  });
});

describe('verify with a bearer source', () => {
  it('sends the Bearer operation valid cases with the minted token', async () => {
    const report = await verifyProvider({
      spec: BEARER_SPEC,
      baseUrl: url,
      cases: 10,
      seed: 'bearer',
      bearerSource: {
        url: `${url}/mint`,
        headers: { 'X-Internal-Auth': MINT_INTERNAL_TOKEN },
        body: { userId: 'usr_1' },
      },
    });
    const [op] = report.operations;
    expect(report.ok).toBe(true);
    expect(op?.statuses).toEqual({ 200: 10, 401: 6 });
    expect(op?.notes).toEqual([]);
  });

  it('does not run the source when the operations need no bearer token', async () => {
    const report = await verifyProvider({
      spec: BEARER_SPEC,
      baseUrl: url,
      cases: 4,
      bearer: [...tokens][0] ?? '',
      bearerSource: { command: 'exit 1' },
    });
    expect(report.operations[0]?.statuses).toEqual({ 200: 4, 401: 6 });
  });

  it('switchboard verify --bearer-url mints the token with the internal token and --bearer-body', async () => {
    const r = await run([
      BEARER_SPEC,
      '--url',
      url,
      '--cases',
      '10',
      '--token',
      MINT_INTERNAL_TOKEN,
      '--bearer-url',
      `${url}/mint`,
      '--bearer-body',
      '{"userId":"usr_cli"}',
    ]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/getMe +GET \/me +16 cases +200×10 401×6 +ok/);
    expect(r.code).toBe(0);
  });

  it('switchboard verify --bearer-command uses what the command prints', async () => {
    const token = [...tokens][0] ?? '';
    const r = await run([
      BEARER_SPEC,
      '--url',
      url,
      '--cases',
      '10',
      '--bearer-command',
      `printf %s ${token}`,
    ]);
    expect(r.out).toMatch(/200×10 401×6 +ok/);
    expect(r.code).toBe(0);
  });

  it.each([
    [
      ['--bearer', 't', '--bearer-command', 'echo t'],
      /give only one of --bearer, --bearer-command and --bearer-url/,
    ],
    [['--bearer-body', '{}'], /--bearer-body needs --bearer-url/],
    [['--bearer-url', 'http://127.0.0.1:1/mint', '--bearer-body', '{oops'], /--bearer-body is not JSON/],
    [['--bearer-url', `/mint`], /--bearer-url '\/mint' is not a URL/],
    [['--bearer-command', 'exit 7'], /switchboard verify: bearer command failed: Command failed/],
  ])('exits 2 on %j', async (flags, message) => {
    const r = await run([BEARER_SPEC, '--url', url, '--cases', '2', ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('still exits 2 without any bearer, naming the new flags', async () => {
    const r = await run([BEARER_SPEC, '--url', url, '--cases', '2']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/pass --token\/--bearer, --bearer-command or --bearer-url/);
  });
});
