import type { OperationContract } from './load-contract.js';
import type { CaseAuth, ExtraCase, RequestCase } from './request-case.js';
import {
  exampleDrafts,
  generateDraft,
  isValidDraft,
  paramKey,
  type RequestDraft,
  toParamValues,
} from './request-drafts.js';
import { invalidRequest } from './request-mutations.js';
import type { SeededRandom } from './seeded-random.js';

/** The cases of one operation and what could not be planned. */
export interface CasePlan {
  cases: RequestCase[];
  notes: string[];
}

/** Options of `planCases`. */
export interface PlanOptions {
  /** Cases besides the auth checks: examples and extras first, the rest half valid, half invalid. */
  cases: number;
  extra: readonly ExtraCase[];
  /** Whether to add the no-credentials and wrong-credentials cases (3 each). */
  secured: boolean;
}

const VALID: CaseAuth = { mode: 'valid' };

/**
 * Plans every request of one operation from `rng`: the spec's examples, the extra cases, seeded valid
 * requests and invalid ones (each a mutation of a fresh valid request), and for secured operations three
 * requests without credentials and three with wrong ones (a random value, the real one altered, empty).
 */
export function planCases(op: OperationContract, rng: SeededRandom, options: PlanOptions): CasePlan {
  const cases: RequestCase[] = [];
  const notes: string[] = [];
  const valid: RequestDraft[] = [];
  const push = (kind: RequestCase['kind'], label: string, draft: RequestDraft, auth = VALID) =>
    cases.push({ kind, label, params: toParamValues(op, draft.params), body: draft.body, auth });
  for (const { name, draft } of exampleDrafts(op, rng.fork('examples'))) {
    if (isValidDraft(op, draft)) {
      valid.push(draft);
      push('example', name, draft);
    } else {
      notes.push(`spec ${name} does not validate against its own schema; sent as an invalid case`);
      push('invalid', `${name} (invalid in the spec)`, draft);
    }
  }
  options.extra.forEach((extra, i) => {
    const draft = extraDraft(op, extra);
    if (!isValidDraft(op, draft))
      notes.push(`extra case ${extra.label ?? i} does not validate against the spec`);
    push('extra', `extra ${extra.label ?? i}`, draft);
  });
  const remaining = Math.max(0, options.cases - cases.length);
  const generated = rng.fork('generated');
  const nextValid = () =>
    generateDraft(op, generated) ?? (valid.length > 0 ? generated.pick(valid) : undefined);
  let invalidTarget = Math.floor(remaining / 2);
  let unplanned = 0;
  for (let i = 0; i < remaining; i++) {
    const base = nextValid();
    if (base === undefined) {
      unplanned++;
      continue;
    }
    const bad = i % 2 === 1 && invalidTarget > 0 ? invalidRequest(op, base, generated) : undefined;
    if (bad !== undefined) {
      invalidTarget--;
      cases.push({ kind: 'invalid', label: bad.label, params: bad.params, body: bad.body, auth: VALID });
    } else push('valid', 'valid', base);
  }
  if (unplanned > 0) notes.push(`${unplanned} case(s) not planned: no valid request could be generated`);
  cases.push(...alternativeCases(op, rng.fork('media'), notes));
  if (options.secured) cases.push(...authCases(op, cases, rng.fork('auth')));
  return { cases, notes };
}

function authCases(op: OperationContract, planned: readonly RequestCase[], rng: SeededRandom): RequestCase[] {
  const example = planned.find((c) => c.kind === 'example' || c.kind === 'valid');
  const generated = planned.find((c) => c.kind === 'valid') ?? example;
  const invalid = planned.find((c) => c.kind === 'invalid') ?? example;
  const random = Array.from({ length: 64 }, () => '0123456789abcdef'.charAt(rng.int(0, 15))).join('');
  const out: RequestCase[] = [];
  const variants = ['random', 'altered', 'empty'] as const;
  [example, generated, invalid].forEach((base, i) => {
    if (base === undefined) return;
    out.push({ ...base, kind: 'no-auth', label: `no credentials (${base.kind})`, auth: { mode: 'none' } });
    const variant = variants[i] ?? 'random';
    out.push({
      ...base,
      kind: 'wrong-auth',
      label: `wrong credentials: ${variant} (${base.kind})`,
      auth: { mode: 'wrong', variant, random },
    });
  });
  return op.security.length === 0 ? [] : out;
}

function extraDraft(op: OperationContract, extra: ExtraCase): RequestDraft {
  const params = new Map<string, unknown>();
  const headers = Object.fromEntries(
    Object.entries(extra.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  for (const p of op.params) {
    const source = p.in === 'path' ? extra.path : p.in === 'query' ? extra.query : headers;
    const value = source?.[p.name] ?? (p.required ? p.examples[0] : undefined);
    if (value !== undefined) params.set(paramKey(p), value);
  }
  return { params, body: extra.body === undefined ? undefined : { json: extra.body } };
}

/** Valid cases per extra request media type of the operation (2 each), sent with that Content-Type. */
const CASES_PER_MEDIA_TYPE = 2;

function alternativeCases(op: OperationContract, rng: SeededRandom, notes: string[]): RequestCase[] {
  const out: RequestCase[] = [];
  op.alternatives.forEach((body, media) => {
    // The operation as if this media type were its only one, to generate and check a body of its schema.
    const as: OperationContract = { ...op, body, alternatives: [] };
    for (let i = 0; i < CASES_PER_MEDIA_TYPE; i++) {
      const draft = generateDraft(as, rng);
      if (draft === undefined || !isValidDraft(as, draft)) {
        notes.push(`no valid ${body.contentType} body could be generated`);
        return;
      }
      out.push({
        kind: 'valid',
        label: `valid as ${body.contentType}`,
        params: toParamValues(op, draft.params),
        body: draft.body,
        auth: VALID,
        media,
      });
    }
  });
  return out;
}
