import type { OperationContract } from './load-contract.js';
import type { CaseBody } from './request-case.js';
import { isValidDraft, paramKey, type RequestDraft, stringTarget, toParamValues } from './request-drafts.js';
import { mutationsOf } from './schema-mutations.js';
import type { ParamValues } from './schema-validators.js';
import type { SeededRandom } from './seeded-random.js';

/** An invalid request derived from a valid one, with what was done to it. */
export interface InvalidRequest {
  label: string;
  params: ParamValues;
  body: CaseBody;
}

interface Candidate {
  label: string;
  draft?: RequestDraft;
  raw?: InvalidRequest;
}

const MALFORMED_JSON = ['{"unterminated": ', '{bad json}', '[1, 2,', "{'single': 'quotes'}", ''];
const ATTEMPTS = 8;

/**
 * Derives an invalid request from the valid draft `base`: a mutation kind is chosen uniformly among those
 * the operation offers (schema mutations of the body and of each parameter, a malformed path parameter,
 * a dropped required parameter, a missing body, malformed JSON), then one candidate of that kind; only
 * candidates the spec really rejects are returned. Undefined when no attempt produced one.
 */
export function invalidRequest(
  op: OperationContract,
  base: RequestDraft,
  rng: SeededRandom,
): InvalidRequest | undefined {
  const byKind = new Map<string, Candidate[]>();
  const add = (kind: string, c: Candidate) => byKind.set(kind, [...(byKind.get(kind) ?? []), c]);
  // A JSON or text body only: a form's fields travel as strings (42 and '42' read the same) and bytes have
  // no schema to break, so their mutations would be valid requests.
  if (
    op.body !== undefined &&
    base.body !== undefined &&
    (op.body.kind === 'json' || op.body.kind === 'text')
  ) {
    for (const m of mutationsOf(op.body.schema, base.body.json, rng, 'body')) {
      add(m.kind, { label: `${m.kind} at body${m.at}`, draft: { ...base, body: { json: m.value } } });
    }
  }
  for (const p of op.params) {
    const key = paramKey(p);
    if (!base.params.has(key)) continue;
    for (const m of mutationsOf(p.schema, base.params.get(key), rng, stringTarget(p.in))) {
      const params = new Map(base.params).set(key, m.value);
      const kind = p.in === 'path' ? 'malformed-path-param' : m.kind;
      const what = p.in === 'path' ? `${kind} (${m.kind})` : kind;
      add(kind, { label: `${what} at ${p.in} ${p.specName}`, draft: { ...base, params } });
    }
    if (p.required && p.in !== 'path') {
      const params = new Map(base.params);
      params.delete(key);
      add('drop-required', { label: `drop-required at ${p.in} ${p.specName}`, draft: { ...base, params } });
    }
  }
  if (op.body?.required === true) {
    add('missing-body', { label: 'missing-body', draft: { ...base, body: undefined } });
  }
  if (op.body?.kind === 'json') {
    const params = toParamValues(op, base.params);
    for (const text of MALFORMED_JSON) {
      add('malformed-json', {
        label: `malformed-json ${JSON.stringify(text)}`,
        raw: { label: '', params, body: { raw: text } },
      });
    }
  }
  const kinds = [...byKind.keys()];
  if (kinds.length === 0) return undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const candidate = rng.pick(byKind.get(rng.pick(kinds)) ?? []);
    if (candidate.raw !== undefined) return { ...candidate.raw, label: candidate.label };
    const draft = candidate.draft as RequestDraft;
    if (!isValidDraft(op, draft)) {
      return { label: candidate.label, params: toParamValues(op, draft.params), body: draft.body };
    }
  }
  return undefined;
}
