import { fieldText, formFields } from '../../client/form-fields.js';
import { isMediaRange, typeInRange } from '../../client/media-type.js';
import { type EncodedPart, encodeMultipart } from '../../client/multipart.js';
import { formBody } from '../../client/request-body.js';
import type { SecuritySchemeSpec } from '../../client/service-spec.js';
import type { MultipartFiles } from '../../codegen/multipart-fields.js';
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
  const media = c.media === undefined ? op.body : op.alternatives[c.media];
  if (c.body !== undefined && media !== undefined) {
    headers['content-type'] = isMediaRange(media.contentType)
      ? typeInRange(media.contentType)
      : media.contentType;
    if ('raw' in c.body) body = c.body.raw;
    else if (media.kind === 'form') body = formBody(c.body.json);
    else if (media.kind === 'multipart') {
      const encoded = encodeMultipart(multipartCaseParts(c.body.json, media.files));
      headers['content-type'] = encoded.contentType;
      body = new TextDecoder().decode(encoded.body);
    } else
      body =
        (media.kind === 'text' || media.kind === 'binary') && typeof c.body.json === 'string'
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

/**
 * The parts of a multipart case: each file field as a small text file (whatever value the case drew for it),
 * every other field as text (an object as its JSON, an array as one part per item).
 */
function multipartCaseParts(value: unknown, files: MultipartFiles | undefined): EncodedPart[] {
  const parts: EncodedPart[] = [];
  let i = 0;
  for (const [name, item] of formFields(value)) {
    const file = files?.single.includes(name) === true || files?.lists.includes(name) === true;
    if (!file) parts.push({ name, value: fieldText(item) });
    else {
      parts.push({ name, value: `verify file ${i}`, filename: `file-${i}.txt`, contentType: 'text/plain' });
      i++;
    }
  }
  return parts;
}
