import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The secrets the five services share in `make dev`. */
export const SECRET_NAMES = [
  'INTEXURAOS_INTERNAL_AUTH_TOKEN',
  'JWT_SECRET',
  'LLM_KEYS_ENCRYPTION_KEY',
] as const;

/**
 * Secrets for `make dev`: each from the environment when set, else from `file` (made by an earlier run),
 * else a fresh random one. New ones are written to `file` with mode 0600 so every service and every later
 * run share them. Returns the secrets and whether the file was (re)written.
 */
export function devSecrets(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): { secrets: Record<string, string>; wrote: boolean } {
  const saved = existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
  const secrets: Record<string, string> = {};
  let wrote = false;
  for (const name of SECRET_NAMES) {
    const value = env[name] ?? saved[name];
    if (value !== undefined && value !== '') secrets[name] = value;
    else {
      secrets[name] = randomBytes(32).toString('hex');
      if (env[name] === undefined) wrote = true;
    }
  }
  if (wrote) {
    mkdirSync(dirname(file), { recursive: true });
    const lines = SECRET_NAMES.filter((n) => env[n] === undefined).map((n) => `${n}=${secrets[n]}`);
    writeFileSync(file, `# made by make dev; git-ignored; delete to get new secrets\n${lines.join('\n')}\n`, {
      mode: 0o600,
    });
    chmodSync(file, 0o600);
  }
  return { secrets, wrote };
}

function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) out[match[1]] = match[2];
  }
  return out;
}
