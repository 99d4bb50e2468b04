import { execFile } from 'node:child_process';
import type { Dispatcher } from 'undici';
import type { SecuritySchemeSpec } from '../../client/service-spec.js';
import { type Credentials, isBearerScheme } from './credentials.js';
import { exchange } from './http-exchange.js';
import { VerifyInputError } from './verify-input-error.js';

/**
 * Where a run gets the token of HTTP bearer schemes when none is given: the output of a shell command, or
 * the JSON answer of a POST that mints one (its `token`, else `access_token`).
 */
export type BearerSource =
  | { command: string }
  | {
      url: string;
      /** Headers of the POST, e.g. `{ 'X-Internal-Auth': '…' }`. */
      headers?: Readonly<Record<string, string>>;
      /** Its JSON body. Default `{}`. */
      body?: unknown;
    };

const MAX_OUTPUT_BYTES = 65_536;
const SNIPPET = 200;

/** Whether any of `security`'s alternatives names a bearer scheme that `credentials` leave without a value. */
export function needsBearer(
  schemes: Readonly<Record<string, SecuritySchemeSpec>>,
  security: readonly (readonly string[])[],
  credentials: Credentials | undefined,
): boolean {
  return security.some((alt) =>
    alt.some((name) => isBearerScheme(schemes[name]) && credentials?.[name] === undefined),
  );
}

/**
 * Obtains a bearer token from `source`, waiting at most `timeoutMs`. Rejects with VerifyInputError when
 * the command fails or prints nothing (or more than one word), or the POST is not answered 2xx with a JSON
 * object holding a non-empty `token` or `access_token`. The token itself never appears in a message.
 */
export async function obtainBearer(
  source: BearerSource,
  dispatcher: Dispatcher,
  timeoutMs: number,
): Promise<string> {
  return 'command' in source
    ? fromCommand(source.command, timeoutMs)
    : fromUrl(source, dispatcher, timeoutMs);
}

function fromCommand(command: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      '/bin/sh',
      ['-c', command],
      { timeout: timeoutMs, maxBuffer: MAX_OUTPUT_BYTES },
      (error, stdout, stderr) => {
        const fail = (why: string) => reject(new VerifyInputError(`bearer command failed: ${why}`));
        if (error !== null) return fail(`${error.message.split('\n')[0]} ${snippet(stderr)}`.trim());
        const token = stdout.trim();
        if (token === '') return fail('it printed nothing');
        if (/\s/.test(token)) return fail('it printed more than one word: print only the token');
        resolve(token);
      },
    );
  });
}

async function fromUrl(
  source: Extract<BearerSource, { url: string }>,
  dispatcher: Dispatcher,
  timeoutMs: number,
): Promise<string> {
  const fail = (why: string) => new VerifyInputError(`cannot mint a bearer token at ${source.url}: ${why}`);
  const answer = await exchange(
    dispatcher,
    {
      method: 'POST',
      url: source.url,
      headers: { accept: 'application/json', 'content-type': 'application/json', ...source.headers },
      body: JSON.stringify(source.body ?? {}),
    },
    timeoutMs,
  );
  if (!answer.ok) throw fail(answer.error);
  if (answer.status < 200 || answer.status > 299)
    throw fail(`answered ${answer.status} ${snippet(answer.body)}`);
  let value: unknown;
  try {
    value = JSON.parse(answer.body);
  } catch {
    throw fail(`the answer is not JSON`);
  }
  const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const token = [fields.token, fields.access_token].find((t) => typeof t === 'string' && t !== '');
  if (typeof token !== 'string') throw fail('the answer has no token or access_token string');
  return token;
}

function snippet(text: string): string {
  const line = text.trim();
  return line.length > SNIPPET ? `${line.slice(0, SNIPPET)}…` : line;
}
