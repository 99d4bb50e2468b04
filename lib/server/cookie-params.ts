import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import type { FastifyRequest } from 'fastify';
import { createAjv, formatWarningLogger } from '../schema-ajv.js';

// The Cookie header is parsed here rather than with @fastify/cookie: cookie parameters need only a parse of
// one header (no Set-Cookie, signing or a request decorator that would clash with an app's own cookie plugin),
// and validating them like query values keeps one error shape for every parameter.

/** The cookies of a request without cookie parameters. */
export const NO_COOKIES: Readonly<Record<string, never>> = Object.freeze({});

let ajv: Ajv2020 | undefined;

/**
 * A reader of an operation's cookie parameters: parses the request's `Cookie` header, coerces the values
 * the spec types (`"42"` → 42; an array parameter splits at `,`) and validates them against `schema` (an
 * object schema keyed by cookie name). Throws a 400 validation error, shaped as Fastify's own, when they
 * do not match; the error handler then answers as for any other invalid parameter.
 */
export function cookieReader(
  schema: Readonly<Record<string, unknown>>,
): (request: FastifyRequest) => Record<string, unknown> {
  ajv ??= createAjv('array', { useDefaults: true, logger: formatWarningLogger });
  const validate = ajv.compile(schema);
  const properties = (schema.properties ?? {}) as Record<string, { type?: unknown }>;
  const lists = new Set(Object.keys(properties).filter((k) => properties[k]?.type === 'array'));
  return (request) => {
    const cookies: Record<string, unknown> = parseCookieHeader(request.headers.cookie);
    for (const name of lists) {
      const value = cookies[name];
      if (typeof value === 'string') cookies[name] = value === '' ? [] : value.split(',');
    }
    if (!validate(cookies)) throw cookieError(validate.errors ?? []);
    return cookies;
  };
}

/**
 * The pairs of a `Cookie` header (RFC 6265: `a=1; b=2`), values percent-decoded where they decode and
 * surrounding double quotes removed; the first of two same-named cookies wins, as browsers send the most
 * specific first. An absent header is no cookies.
 */
export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (header === undefined || header === '') return out;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    const name = pair.slice(0, eq).trim();
    if (name === '' || Object.hasOwn(out, name)) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    out[name] = decode(value);
  }
  return out;
}

function decode(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function cookieError(errors: ErrorObject[]): Error {
  const first = errors[0];
  const where = first === undefined || first.instancePath === '' ? '' : first.instancePath;
  const message = `cookies${where} ${first?.message ?? 'are invalid'}`;
  return Object.assign(new Error(message), {
    statusCode: 400,
    code: 'FST_ERR_VALIDATION',
    validation: errors,
    validationContext: 'cookies',
  });
}
