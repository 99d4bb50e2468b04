import { formBody } from '../../client/request-body.js';
import type { SecuritySchemeSpec } from '../../client/service-spec.js';
import { applyAuth, type Credentials } from './credentials.js';
import type { OperationContract } from './load-contract.js';
import type { RequestCase } from './request-case.js';

/** An HTTP request ready to send. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** The request to send, and the same request as a report shows it (secrets as shell variables). */
export interface BuiltRequest {
  actual: HttpRequest;
  shown: HttpRequest;
}

/**
 * Turns a planned case into the HTTP request for `baseUrl`: path parameters percent-encoded into the
 * template, query parameters (repeated for arrays), header parameters, credentials, and the body as JSON
 * (or as text for a text body or a raw case) with the operation's content type.
 */
export function buildRequest(
  baseUrl: string,
  schemes: Readonly<Record<string, SecuritySchemeSpec>>,
  op: OperationContract,
  c: RequestCase,
  credentials: Credentials,
): BuiltRequest {
  // Path values are keyed by the route name (`enterprise_team` for `{enterprise-team}`).
  const routeName = (specName: string) =>
    op.params.find((p) => p.in === 'path' && p.specName === specName)?.name ?? specName;
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(c.params.path[routeName(name)] ?? ''),
  );
  const auth = applyAuth(schemes, op.security, credentials, c.auth);
  const headers: Record<string, string> = { accept: 'application/json', ...c.params.header };
  const cookies = Object.entries(c.params.cookie ?? {});
  if (cookies.length > 0)
    headers.cookie = cookies.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  let body: string | undefined;
  if (c.body !== undefined && op.body !== undefined) {
    headers['content-type'] = op.body.contentType;
    if ('raw' in c.body) body = c.body.raw;
    else if (op.body.kind === 'form') body = formBody(c.body.json);
    else
      body =
        (op.body.kind === 'text' || op.body.kind === 'binary') && typeof c.body.json === 'string'
          ? c.body.json
          : JSON.stringify(c.body.json);
  }
  const base = baseUrl.replace(/\/+$/, '');
  const url = (query: Record<string, string>) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(c.params.query))
      for (const item of [v].flat()) search.append(k, item);
    for (const [k, v] of Object.entries(query)) search.append(k, v);
    const text = search.toString();
    return `${base}${path}${text === '' ? '' : `?${text}`}`;
  };
  const method = op.method.toUpperCase();
  return {
    actual: { method, url: url(auth.query), headers: { ...headers, ...auth.headers }, body },
    shown: { method, url: url(auth.shown.query), headers: { ...headers, ...auth.shown.headers }, body },
  };
}
