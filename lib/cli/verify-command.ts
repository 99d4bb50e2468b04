import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type BearerSource,
  DEFAULT_CASES,
  DEFAULT_CONCURRENCY,
  DEFAULT_TIMEOUT_MS,
  formatReport,
  VerifyInputError,
  type VerifyOptions,
  verifyProvider,
} from '../contract/verify/index.js';
import { readProjectConfig } from '../scaffold/project-config.js';
import { envInternalToken } from './env-token.js';

const HELP = `usage: switchboard verify <spec> --url <base> [options]

Verifies a running provider against its spec: every operation gets the spec's examples, seeded valid and
invalid requests, and (when secured) requests without and with wrong credentials. Every answer must be a
documented status whose body validates; invalid requests must get a documented 4xx, unauthenticated ones
401; a 500 or an unlisted 5xx is always a violation. Exits 0 without violations, 1 with, 2 on bad input.

  <spec>             the provider's OpenAPI file (or a service name: specs/<name>.yaml)
  --url URL          the provider's base URL, e.g. http://127.0.0.1:3002
  --token T          value of apiKey schemes such as X-Internal-Auth
                     (default: env INTERNAL_AUTH_TOKEN, or INTEXURAOS_INTERNAL_AUTH_TOKEN, which wins as it
                     does in the services; the first of comma-separated values)
  --bearer T         token for bearer schemes (Authorization: Bearer T)
  --bearer-command C run the shell command C once and use what it prints as the bearer token
  --bearer-url URL   POST to URL once to mint the bearer token, reading token (or access_token)
                     from its JSON answer; the POST carries X-Internal-Auth with the --token value
  --bearer-body JSON the JSON body of that POST (default {}), e.g. '{"userId":"usr_1","email":"a@b.c"}'
  --cases N          cases per operation, auth checks on top (default ${DEFAULT_CASES})
  --seed S           replay the requests of an earlier run (default: a fresh seed, printed)
  --operation ID     only this operationId (repeatable)
  --concurrency N    requests in flight (default ${DEFAULT_CONCURRENCY})
  --timeout MS       longest wait for an answer (default ${DEFAULT_TIMEOUT_MS})
  --json             print the report as JSON
  --allow-missing-credentials
                     exit 0 even when a secured operation could only be sent without credentials (by
                     default that exits 2: its valid requests were refused, so little was verified)

Curl lines refer to secrets as $INTERNAL_AUTH_TOKEN and $BEARER_TOKEN; export them to replay.`;

type Parsed =
  | { options: VerifyOptions; json: boolean; allowMissing: boolean }
  | { exitCode: number; message: string };

function readArgs(args: string[], env: NodeJS.ProcessEnv): Parsed {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return { exitCode: 2, message: `switchboard verify: ${(error as Error).message}\n\n${HELP}` };
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { exitCode: 0, message: HELP };
  const fail = (why: string) => ({ exitCode: 2, message: `switchboard verify: ${why}\n\n${HELP}` });
  if (positionals.length !== 1) return fail('give exactly one spec');
  if (values.url === undefined) return fail('--url is required');
  const spec = resolveSpec(positionals[0] as string);
  if (spec === undefined) return fail(`no such spec '${positionals[0]}'`);
  const numbers: Record<string, number | undefined> = {};
  for (const name of ['cases', 'concurrency', 'timeout'] as const) {
    const raw = values[name];
    if (raw === undefined) continue;
    if (!/^\d+$/.test(raw)) return fail(`--${name} must be a positive integer, got '${raw}'`);
    numbers[name] = Number(raw);
  }
  const token = values.token ?? envInternalToken(env);
  const options: VerifyOptions = { spec, baseUrl: values.url };
  if (token !== undefined) options.token = token;
  const bearerSource = readBearerSource(values, token);
  if (typeof bearerSource === 'string') return fail(bearerSource);
  if (bearerSource !== undefined) options.bearerSource = bearerSource;
  if (values.bearer !== undefined) options.bearer = values.bearer;
  if (numbers.cases !== undefined) options.cases = numbers.cases;
  if (numbers.concurrency !== undefined) options.concurrency = numbers.concurrency;
  if (numbers.timeout !== undefined) options.timeoutMs = numbers.timeout;
  if (values.seed !== undefined) options.seed = values.seed;
  if (values.operation !== undefined) options.operations = values.operation;
  return { options, json: values.json === true, allowMissing: values['allow-missing-credentials'] === true };
}

/** The bearer source the flags ask for, undefined when none, or what is wrong with them. */
function readBearerSource(
  values: ReturnType<typeof parse>['values'],
  token: string | undefined,
): BearerSource | string | undefined {
  const { bearer, 'bearer-command': command, 'bearer-url': url, 'bearer-body': body } = values;
  const given = [bearer, command, url].filter((v) => v !== undefined).length;
  if (given > 1) return 'give only one of --bearer, --bearer-command and --bearer-url';
  if (body !== undefined && url === undefined) return '--bearer-body needs --bearer-url';
  if (command !== undefined) return { command };
  if (url === undefined) return undefined;
  if (!URL.canParse(url)) return `--bearer-url '${url}' is not a URL`;
  let parsed: unknown = {};
  try {
    if (body !== undefined) parsed = JSON.parse(body);
  } catch {
    return `--bearer-body is not JSON: ${body}`;
  }
  return { url, body: parsed, headers: token === undefined ? {} : { 'X-Internal-Auth': token } };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      bearer: { type: 'string' },
      'bearer-command': { type: 'string' },
      'bearer-url': { type: 'string' },
      'bearer-body': { type: 'string' },
      cases: { type: 'string' },
      seed: { type: 'string' },
      operation: { type: 'string', multiple: true },
      concurrency: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
      'allow-missing-credentials': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function resolveSpec(arg: string): string | undefined {
  if (existsSync(arg)) return arg;
  const named = join(readProjectConfig().specs, `${arg}.yaml`);
  return /^[\w-]+$/.test(arg) && existsSync(named) ? named : undefined;
}

/** `switchboard verify`: exit 0 when the provider keeps its contract, 1 on any violation, 2 on bad input. */
export async function verifyCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = readArgs(args, env);
  if ('exitCode' in parsed) {
    if (parsed.exitCode === 0) console.log(parsed.message);
    else console.error(parsed.message);
    return parsed.exitCode;
  }
  try {
    const report = await verifyProvider(parsed.options);
    console.log(parsed.json ? JSON.stringify(report, null, 2) : formatReport(report));
    if (!report.ok) return 1;
    const missing = report.operations
      .flatMap((op) => op.notes)
      .filter((n) => n.startsWith('no credentials for'));
    if (missing.length > 0 && !parsed.allowMissing) {
      console.error(
        `switchboard verify: ${[...new Set(missing)].join('; ')}: pass --token/--bearer, --bearer-command or --bearer-url (or set INTERNAL_AUTH_TOKEN; with make dev: set -a; . .switchboard/dev-secrets.env; set +a), ` +
          'or --allow-missing-credentials to accept a run that checked only refusals',
      );
      return 2;
    }
    return 0;
  } catch (error) {
    if (!(error instanceof VerifyInputError)) throw error;
    console.error(`switchboard verify: ${error.message}`);
    for (const problem of error.problems) console.error(`  ${problem}`);
    return 2;
  }
}
