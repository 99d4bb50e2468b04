import type { HttpMethod } from '../../codegen/operation-model.js';
import { fromPointer } from '../../codegen/spec-error.js';
import { getAt } from '../../codegen/spec-loader.js';

type Json = Record<string, unknown>;

/** The spec's own request examples for one operation. */
export interface RequestExamples {
  /** Example values per parameter, keyed `in:name` (header names lower-cased), e.g. `path:uid`. */
  params: Map<string, unknown[]>;
  /** Request body examples, each with the example's name (`example` when unnamed). */
  bodies: { name: string; value: unknown }[];
}

/**
 * Reads the request examples of `method path` from a bundled document: each parameter's `example`,
 * `examples` values, or its schema's `example`/`examples`; the body media type's `example` or named
 * `examples` (refs to `components/examples` followed), or the body schema's `example`.
 */
export function readRequestExamples(doc: Json, path: string, method: HttpMethod): RequestExamples {
  const deref = (v: unknown): Json => {
    let node = v as Json | undefined;
    for (let i = 0; i < 20 && typeof node?.$ref === 'string'; i++)
      node = getAt(doc, fromPointer(node.$ref)) as Json | undefined;
    return node ?? {};
  };
  const item = deref(getAt(doc, ['paths', path]));
  const op = deref(item[method]);
  const params = new Map<string, unknown[]>();
  for (const list of [item.parameters, op.parameters]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const p = deref(raw);
      if (typeof p.name !== 'string' || typeof p.in !== 'string') continue;
      const name = p.in === 'header' ? p.name.toLowerCase() : p.name;
      const values = examplesOf(p, deref);
      params.set(`${p.in}:${name}`, values.length > 0 ? values : examplesOf(deref(p.schema), deref));
    }
  }
  const bodies: RequestExamples['bodies'] = [];
  const content = deref(op.requestBody).content as Record<string, Json> | undefined;
  const media = Object.entries(content ?? {}).find(([t]) => /json|^text\//.test(t))?.[1];
  if (media !== undefined) {
    if ('example' in media) bodies.push({ name: 'example', value: media.example });
    for (const [name, ex] of Object.entries((media.examples ?? {}) as Json)) {
      const resolved = deref(ex);
      if ('value' in resolved) bodies.push({ name, value: resolved.value });
    }
    if (bodies.length === 0) {
      for (const value of examplesOf(deref(media.schema), deref)) bodies.push({ name: 'schema', value });
    }
  }
  return { params, bodies };
}

function examplesOf(node: Json, deref: (v: unknown) => Json): unknown[] {
  const out: unknown[] = [];
  if ('example' in node) out.push(node.example);
  const examples = node.examples;
  if (Array.isArray(examples)) out.push(...examples);
  else if (typeof examples === 'object' && examples !== null) {
    for (const ex of Object.values(examples)) {
      const resolved = deref(ex);
      if ('value' in resolved) out.push(resolved.value);
    }
  }
  return out;
}
