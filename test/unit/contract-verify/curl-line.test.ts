import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlLine } from '../../../lib/contract/verify/index.js';

/** Runs a curl line through bash with `curl` replaced by a function that prints one argument per line. */
function argvOf(line: string, env: Record<string, string>): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }; ${line}`;
  return execFileSync('bash', ['-c', script], { env: { ...env, PATH: process.env.PATH ?? '' } })
    .toString()
    .split('\0')
    .slice(0, -1);
}

describe('curlLine', () => {
  it('quotes bodies and headers so bash passes them through byte for byte', () => {
    const body = `{"text":"it's $HOME \`id\` \\"quoted\\" é 😀\\n"}`;
    const line = curlLine({
      method: 'POST',
      url: 'http://127.0.0.1:1/internal/x?q=a%20b&r=1',
      headers: { 'content-type': 'application/json', 'x-tag': "a'b" },
      body,
    });
    expect(argvOf(line, {})).toEqual([
      '-sS',
      '-i',
      '-X',
      'POST',
      'http://127.0.0.1:1/internal/x?q=a%20b&r=1',
      '-H',
      'content-type: application/json',
      '-H',
      "x-tag: a'b",
      '--data-binary',
      body,
    ]);
  });

  it('spells secrets as shell variables that expand, including the altered-token form', () => {
    const line = curlLine({
      method: 'GET',
      url: 'http://h/x',
      headers: {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable reference, as reports print it
        'X-Internal-Auth': '${INTEXURAOS_INTERNAL_AUTH_TOKEN}',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell variable reference, as reports print it
        Authorization: 'Bearer ${BEARER_TOKEN:0:${#BEARER_TOKEN}-5}x${BEARER_TOKEN:${#BEARER_TOKEN}-4}',
      },
      body: undefined,
    });
    expect(line).not.toContain('s3cret');
    const argv = argvOf(line, { INTEXURAOS_INTERNAL_AUTH_TOKEN: 's3cret', BEARER_TOKEN: 'abcdefghij' });
    expect(argv).toContain('X-Internal-Auth: s3cret');
    expect(argv).toContain('Authorization: Bearer abcdexghij');
  });

  it('sends an empty header as `Name;` (curl drops `Name:`)', () => {
    const line = curlLine({
      method: 'GET',
      url: 'http://h/x',
      headers: { 'X-Internal-Auth': '' },
      body: undefined,
    });
    expect(argvOf(line, {})).toContain('X-Internal-Auth;');
  });
});
