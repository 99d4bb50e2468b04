import type { ValueKind } from './document-validators.js';
import { subschemas } from './json-schema.js';
import { HTTP_METHODS } from './operation-model.js';
import { fromPointer } from './spec-error.js';
import { getAt } from './spec-loader.js';

type Json = Record<string, unknown>;
type Segments = readonly (string | number)[];

/** One example a spec gives and the schema it must match, by their paths in the bundled document. */
export interface ExampleSite {
  value: unknown;
  schema: unknown;
  /** Where the value is: inside `components/examples` when the example is a `$ref`. */
  valueAt: Segments;
  /** Where a referenced example is used; undefined for an inline one. */
  usedAt: Segments | undefined;
  /** `coercing` for a parameter or header value, which travels as a string; `strict` for the rest. */
  kind: ValueKind;
}

/** Media types whose examples are JSON values: the ones the generator reads (JSON and text). */
const CHECKED_MEDIA = /^application\/(.+\+)?json\b|^text\//i;

/**
 * Every example in a bundled document with the schema it must match: `example` and `examples.*.value` of
 * parameters, headers, and request and response media types (JSON and text), and `example`/`examples` of
 * schemas at any depth. Each place is visited once: a `$ref` is not followed, since what it points at
 * (in `components`) is visited where it is defined.
 */
export function findExamples(doc: Json): ExampleSite[] {
  const out: ExampleSite[] = [];
  const add = (value: unknown, schema: unknown, valueAt: Segments, kind: ValueKind, usedAt?: Segments) =>
    out.push({ value, schema, valueAt, usedAt, kind });
  const components = asJson(doc.components);

  const schema = (node: unknown, at: Segments): void => {
    if (!isJson(node) || typeof node.$ref === 'string') return;
    if ('example' in node) add(node.example, node, [...at, 'example'], 'strict');
    if (Array.isArray(node.examples))
      for (const [i, value] of node.examples.entries()) add(value, node, [...at, 'examples', i], 'strict');
    for (const [segments, sub] of subschemas(node)) schema(sub, [...at, ...segments]);
  };

  /** A parameter, header or media type: `schema` with `example` or named `examples`. */
  const holder = (node: Json, at: Segments, kind: ValueKind): void => {
    if (node.schema === undefined) return;
    if ('example' in node) add(node.example, node.schema, [...at, 'example'], kind);
    for (const [name, raw] of Object.entries(asJson(node.examples))) {
      const ref = asJson(raw).$ref;
      const valueAt =
        typeof ref === 'string' ? [...fromPointer(ref), 'value'] : [...at, 'examples', name, 'value'];
      const example = asJson(getAt(doc, valueAt.slice(0, -1)));
      if (!('value' in example)) continue;
      const usedAt = typeof ref === 'string' ? [...at, 'examples', name] : undefined;
      add(example.value, node.schema, valueAt, kind, usedAt);
    }
  };

  const content = (node: unknown, at: Segments): void => {
    for (const [type, media] of Object.entries(asJson(node))) {
      if (!isJson(media)) continue;
      if (CHECKED_MEDIA.test(type)) holder(media, [...at, type], 'strict');
      schema(media.schema, [...at, type, 'schema']);
    }
  };

  const parameter = (node: unknown, at: Segments): void => {
    if (!isJson(node) || typeof node.$ref === 'string') return;
    holder(node, at, 'coercing');
    schema(node.schema, [...at, 'schema']);
    content(node.content, [...at, 'content']);
  };

  const body = (node: unknown, at: Segments): void => {
    if (isJson(node) && typeof node.$ref !== 'string') content(node.content, [...at, 'content']);
  };

  const response = (node: unknown, at: Segments): void => {
    if (!isJson(node) || typeof node.$ref === 'string') return;
    content(node.content, [...at, 'content']);
    for (const [name, header] of Object.entries(asJson(node.headers)))
      parameter(header, [...at, 'headers', name]);
  };

  const pathItem = (node: unknown, at: Segments): void => {
    if (!isJson(node) || typeof node.$ref === 'string') return;
    list(node.parameters, [...at, 'parameters'], parameter);
    for (const method of HTTP_METHODS) {
      const op = node[method];
      if (!isJson(op)) continue;
      list(op.parameters, [...at, method, 'parameters'], parameter);
      body(op.requestBody, [...at, method, 'requestBody']);
      for (const [status, r] of Object.entries(asJson(op.responses)))
        response(r, [...at, method, 'responses', status]);
    }
  };

  for (const key of ['paths', 'webhooks'])
    for (const [name, item] of Object.entries(asJson(doc[key]))) pathItem(item, [key, name]);
  const visitors: [string, (node: unknown, at: Segments) => void][] = [
    ['pathItems', pathItem],
    ['parameters', parameter],
    ['headers', parameter],
    ['requestBodies', body],
    ['responses', response],
    ['schemas', schema],
  ];
  for (const [kind, visit] of visitors)
    for (const [name, node] of Object.entries(asJson(components[kind])))
      visit(node, ['components', kind, name]);
  return out;
}

function list(node: unknown, at: Segments, visit: (node: unknown, at: Segments) => void): void {
  if (Array.isArray(node)) for (const [i, item] of node.entries()) visit(item, [...at, i]);
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asJson(value: unknown): Json {
  return isJson(value) ? value : {};
}
