import type { ErrorObject } from 'ajv';
import { createParser } from 'eventsource-parser';
import type { Exchange } from './http-exchange.js';
import type { OperationContract, ResponseContract } from './load-contract.js';
import type { CaseKind } from './request-case.js';

/** What one case is judged against besides the spec: its kind, and whether real credentials were sent. */
export interface CaseExpectation {
  kind: CaseKind;
  /** True when the case carried every credential its operation needs (a 401 is then a refusal of them). */
  credentialed: boolean;
}

const BODY_SNIPPET = 300;

/**
 * Judges one answer; returns every reason it violates the contract (empty when it does not):
 * - no answer (transport failure or timeout), any 500, any other 5xx the spec does not list (on its own or
 *   in a `5XX` range);
 * - a status the spec does not document (neither listed nor covered by a range such as `4XX` or `default`);
 * - a body that does not parse or validate against the status's schema, a non-JSON content type where
 *   JSON is documented, a body where none is documented;
 * - an invalid request not answered with a 4xx; a request without or with wrong credentials not answered
 *   401; a credentialed valid request answered 401.
 */
export function checkResponse(op: OperationContract, expect: CaseExpectation, answer: Exchange): string[] {
  if (!answer.ok) return [`no answer: ${answer.error}`];
  const { status } = answer;
  const out: string[] = [];
  // A range (`5XX`) documents each status of its class the spec does not list on its own.
  const range = `${Math.floor(status / 100)}XX`;
  const listed =
    op.responses.find((r) => r.status === status) ?? op.responses.find((r) => r.status === range);
  const documented = listed ?? op.responses.find((r) => r.status === 'default');
  if (status === 500) out.push('500 Internal Server Error');
  else if (status >= 500 && listed === undefined) out.push(`${status} is a 5xx the spec does not list`);
  else if (documented === undefined) out.push(`undocumented status ${status}`);
  if (documented !== undefined) out.push(...checkBody(documented, answer));
  if (expect.kind === 'invalid' && (status < 400 || status > 499))
    out.push(`invalid request answered ${status}, expected a documented 4xx`);
  if ((expect.kind === 'no-auth' || expect.kind === 'wrong-auth') && status !== 401)
    out.push(
      `expected 401 ${expect.kind === 'no-auth' ? 'without' : 'with wrong'} credentials, got ${status}`,
    );
  const valid = expect.kind === 'example' || expect.kind === 'valid' || expect.kind === 'extra';
  if (valid && expect.credentialed && op.security.length > 0 && status === 401)
    out.push('valid request with the configured credentials answered 401');
  return out;
}

function checkBody(response: ResponseContract, answer: Extract<Exchange, { ok: true }>): string[] {
  const contentType = String(answer.headers['content-type'] ?? '');
  if (response.kind === 'none') {
    return answer.body === ''
      ? []
      : [`${answer.status} has a body but the spec documents none: ${snippet(answer.body)}`];
  }
  if (response.kind === 'json' && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType))
    return [
      `${answer.status} content-type '${contentType}', the spec documents JSON: ${snippet(answer.body)}`,
    ];
  if (response.kind === 'events') return checkEvents(response, answer, contentType);
  if (response.validate === undefined) return [];
  let value: unknown = answer.body;
  if (response.kind === 'json') {
    try {
      value = JSON.parse(answer.body);
    } catch {
      return [`${answer.status} body is not JSON: ${snippet(answer.body)}`];
    }
  }
  if (response.validate(value)) return [];
  return [
    `${answer.status} body does not match the spec (${describe(response.validate.errors)}): ${snippet(answer.body)}`,
  ];
}

/** An event stream: the content type, then each event's data (JSON of the `x-event-schema`, when given). */
function checkEvents(
  response: ResponseContract,
  answer: Extract<Exchange, { ok: true }>,
  contentType: string,
): string[] {
  if (!/^text\/event-stream\b/i.test(contentType))
    return [`${answer.status} content-type '${contentType}', the spec documents text/event-stream`];
  const validate = response.validate;
  if (validate === undefined) return [];
  const out: string[] = [];
  const parser = createParser({
    onEvent: (event) => {
      if (out.length > 0) return;
      let value: unknown;
      try {
        value = JSON.parse(event.data);
      } catch {
        out.push(`${answer.status} an event's data is not JSON: ${snippet(event.data)}`);
        return;
      }
      if (!validate(value))
        out.push(
          `${answer.status} an event does not match the spec's x-event-schema (${describe(validate.errors)}): ${snippet(event.data)}`,
        );
    },
  });
  parser.feed(answer.body);
  return out;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`)
    .join('; ');
}

function snippet(body: string): string {
  return body.length > BODY_SNIPPET ? `${body.slice(0, BODY_SNIPPET)}…` : body;
}
