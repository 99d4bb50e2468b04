import type { OperationContract, ParamContract } from './load-contract.js';
import type { ParamValues } from './schema-validators.js';
import { generateValue } from './schema-values.js';
import type { SeededRandom } from './seeded-random.js';
import type { StringTarget } from './string-values.js';

/** A request before serialisation: typed parameter values by `in:name`, and the body. */
export interface RequestDraft {
  params: Map<string, unknown>;
  body: { json: unknown } | undefined;
}

const ATTEMPTS = 12;

/** The key of a parameter in a draft: `path:uid`, `header:idempotency-key`. */
export function paramKey(p: Pick<ParamContract, 'in' | 'name'>): string {
  return `${p.in}:${p.name}`;
}

/** How generated strings for a parameter must look: cookie values travel percent-encoded, as query values do. */
export function stringTarget(where: ParamContract['in']): StringTarget {
  return where === 'cookie' ? 'query' : where;
}

/** A parameter value as it travels: scalars as text, arrays as repeated query values or joined by commas. */
export function serializeParam(where: ParamContract['in'], value: unknown): string | string[] {
  if (Array.isArray(value)) {
    const items = value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    return where === 'query' ? items : items.join(',');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The draft's parameters as wire strings, grouped as the server sees them. An empty array in the query
 * travels as no value at all, so it is left out (else `[]` would be judged invalid for a string parameter
 * while the server sees an absent, valid one).
 */
export function toParamValues(op: OperationContract, params: Map<string, unknown>): ParamValues {
  const out: ParamValues = { path: {}, query: {}, header: {}, cookie: {} };
  for (const p of op.params) {
    const key = paramKey(p);
    if (!params.has(key)) continue;
    const wire = serializeParam(p.in, params.get(key));
    if (p.in === 'query') {
      if (!Array.isArray(wire) || wire.length > 0) out.query[p.name] = wire;
    } else out[p.in][p.name] = Array.isArray(wire) ? wire.join(',') : wire;
  }
  return out;
}

/** Whether the spec accepts the draft: every parameter (coerced from its wire string) and the body. */
export function isValidDraft(op: OperationContract, draft: RequestDraft): boolean {
  if (!op.validParams(toParamValues(op, draft.params))) return false;
  if (op.body === undefined) return draft.body === undefined;
  if (draft.body === undefined) return !op.body.required;
  return op.body.validate(structuredClone(draft.body.json));
}

/** A valid request generated from the schemas, or undefined when a dozen attempts produced none. */
export function generateDraft(op: OperationContract, rng: SeededRandom): RequestDraft | undefined {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const draft: RequestDraft = { params: new Map(), body: undefined };
    let complete = true;
    for (const p of op.params) {
      if (!p.required && rng.chance(0.5)) continue;
      const v = generateValue(p.schema, rng, stringTarget(p.in));
      if (v === undefined) complete = !p.required && complete;
      else draft.params.set(paramKey(p), v.value);
    }
    if (op.body !== undefined && (op.body.required || rng.chance(0.8))) {
      const v = generateValue(op.body.schema, rng, 'body');
      if (v === undefined) complete = false;
      else draft.body = { json: v.value };
    }
    if (complete && isValidDraft(op, draft)) return draft;
  }
  return undefined;
}

/**
 * One draft per spec example: the i-th draft takes the i-th body example and each parameter's i-th
 * example (cycling); a parameter without examples is generated when required and left out otherwise.
 */
export function exampleDrafts(
  op: OperationContract,
  rng: SeededRandom,
): { name: string; draft: RequestDraft }[] {
  const bodies = op.body?.examples ?? [];
  const count = Math.max(1, bodies.length, ...op.params.map((p) => p.examples.length));
  const out: { name: string; draft: RequestDraft }[] = [];
  for (let i = 0; i < count; i++) {
    const draft: RequestDraft = { params: new Map(), body: undefined };
    for (const p of op.params) {
      if (p.examples.length > 0) draft.params.set(paramKey(p), p.examples[i % p.examples.length]);
      else if (p.required) {
        const v = generateValue(p.schema, rng, stringTarget(p.in));
        if (v !== undefined) draft.params.set(paramKey(p), v.value);
      }
    }
    const body = bodies.length > 0 ? bodies[i % bodies.length] : undefined;
    if (body !== undefined) draft.body = { json: structuredClone(body.value) };
    else if (op.body !== undefined) {
      const v = generateValue(op.body.schema, rng, 'body');
      if (v !== undefined) draft.body = { json: v.value };
    }
    out.push({
      name: body === undefined || body.name === 'example' ? 'example' : `example ${body.name}`,
      draft,
    });
  }
  return out;
}
