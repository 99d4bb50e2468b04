import type { SecuritySchemeSpec } from '../../client/service-spec.js';
import type { CaseAuth } from './request-case.js';

/** Credential values by security scheme name, e.g. `{ InternalAuth: '…', BearerAuth: '<jwt>' }`. */
export type Credentials = Readonly<Record<string, string>>;

/** Where a case's credentials go, and how a curl line spells them without printing a secret. */
export interface AppliedAuth {
  headers: Record<string, string>;
  query: Record<string, string>;
  /** The same, with each real secret replaced by a shell variable reference (`"$BEARER_TOKEN"`). */
  shown: { headers: Record<string, string>; query: Record<string, string> };
}

const ALTER_FROM_END = 5;

// A JWT-shaped token with a valid header and payload whose signature is random.
const JWT_PREFIX = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3Jfd3JvbmciLCJleHAiOjQxMDI0NDQ4MDB9.';

/** True for an HTTP `bearer` scheme. */
export function isBearerScheme(scheme: SecuritySchemeSpec | undefined): boolean {
  return scheme?.type === 'http' && scheme.scheme.toLowerCase() === 'bearer';
}

/**
 * The alternative of `security` a case authenticates with: the first whose schemes all have credentials,
 * else the first (whose missing credentials simply are not sent). Empty when the operation is open.
 */
export function chooseAlternative(security: readonly string[][], credentials: Credentials): string[] {
  return security.find((alt) => alt.every((s) => credentials[s] !== undefined)) ?? security[0] ?? [];
}

/** The shell variable a curl line uses for a scheme's secret. */
export function secretVariable(name: string, scheme: SecuritySchemeSpec | undefined): string {
  if (scheme?.type === 'apiKey' && scheme.name.toLowerCase() === 'x-internal-auth')
    return 'INTERNAL_AUTH_TOKEN';
  if (isBearerScheme(scheme)) return 'BEARER_TOKEN';
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** Applies a case's credentials (`valid`, `none` or a `wrong` variant) for one operation. */
export function applyAuth(
  schemes: Readonly<Record<string, SecuritySchemeSpec>>,
  security: readonly string[][],
  credentials: Credentials,
  auth: CaseAuth,
): AppliedAuth {
  const out: AppliedAuth = { headers: {}, query: {}, shown: { headers: {}, query: {} } };
  if (auth.mode === 'none') return out;
  for (const name of chooseAlternative(security, credentials)) {
    const scheme = schemes[name];
    const real = credentials[name];
    const variable = secretVariable(name, scheme);
    let value: string | undefined = real;
    let shown = `\${${variable}}`;
    if (auth.mode === 'wrong') {
      [value, shown] = wrongValue(auth, real, variable, scheme);
    }
    if (value === undefined || scheme === undefined) continue;
    if (scheme.type === 'apiKey') {
      out[scheme.in === 'query' ? 'query' : 'headers'][scheme.name] = value;
      out.shown[scheme.in === 'query' ? 'query' : 'headers'][scheme.name] = shown;
    } else if (scheme.scheme.toLowerCase() === 'basic') {
      out.headers.Authorization = `Basic ${Buffer.from(value).toString('base64')}`;
      out.shown.headers.Authorization = `Basic $(printf %s "${shown}" | base64)`;
    } else {
      const prefix = scheme.scheme.toLowerCase() === 'bearer' ? 'Bearer' : scheme.scheme;
      out.headers.Authorization = `${prefix} ${value}`.trimEnd();
      out.shown.headers.Authorization = `${prefix} ${shown}`.trimEnd();
    }
  }
  return out;
}

function wrongValue(
  auth: Extract<CaseAuth, { mode: 'wrong' }>,
  real: string | undefined,
  variable: string,
  scheme: SecuritySchemeSpec | undefined,
): [string, string] {
  const bearer = isBearerScheme(scheme);
  if (auth.variant === 'empty') return ['', ''];
  if (auth.variant === 'altered' && real !== undefined && real.length >= ALTER_FROM_END) {
    // One character changed well inside the value: for a JWT that is in the signature, where every bit counts
    // (the last character of a base64url signature carries ignored padding bits).
    const i = real.length - ALTER_FROM_END;
    const c = real[i] === 'x' ? 'y' : 'x';
    const v = variable;
    return [
      `${real.slice(0, i)}${c}${real.slice(i + 1)}`,
      `\${${v}:0:\${#${v}}-${ALTER_FROM_END}}${c}\${${v}:\${#${v}}-${ALTER_FROM_END - 1}}`,
    ];
  }
  const random = bearer ? `${JWT_PREFIX}${auth.random}` : auth.random;
  return [random, random];
}

/**
 * The credential of every scheme: `token` for apiKey schemes, `bearer` for HTTP bearer schemes, then the
 * explicit `credentials` on top.
 */
export function resolveCredentials(
  schemes: Readonly<Record<string, SecuritySchemeSpec>>,
  o: { token?: string; bearer?: string; credentials?: Credentials },
): Credentials {
  const out: Record<string, string> = {};
  for (const [name, scheme] of Object.entries(schemes)) {
    if (scheme.type === 'apiKey' && o.token !== undefined) out[name] = o.token;
    if (isBearerScheme(scheme) && o.bearer !== undefined) out[name] = o.bearer;
  }
  return { ...out, ...o.credentials };
}
