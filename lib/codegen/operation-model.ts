import type { Bundle } from './bundle.js';
import { toCamelIdentifier } from './naming.js';
import { fromPointer, SpecError } from './spec-error.js';
import { errorAt } from './spec-file.js';
import { getAt } from './spec-loader.js';

type Json = Record<string, unknown>;
type Segments = readonly (string | number)[];

// 'head' before 'get': Fastify adds a HEAD route for each GET unless one is already registered, and a
// HEAD registered after its GET fails startup with FST_ERR_DUPLICATED_ROUTE.
export const HTTP_METHODS = ['head', 'get', 'put', 'post', 'delete', 'patch', 'options'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** How a body travels: parsed as JSON, as text, or absent. */
export type BodyKind = 'json' | 'text' | 'none';

export interface ParamModel {
  /** The name as Fastify sees it: header names lower-cased. */
  name: string;
  /** The name as the spec spells it (openapi-typescript keys its types by this). */
  specName: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: unknown;
}

export interface BodyModel {
  required: boolean;
  contentType: string;
  kind: BodyKind;
  schema: unknown;
}

export interface ResponseModel {
  /** A numeric status, or 'default' for every status the spec does not list. */
  status: number | 'default';
  contentType: string | undefined;
  kind: BodyKind;
  schema: unknown;
  /** The media type's example (or first of `examples`), used by fakes; undefined when none. */
  example: unknown;
}

/** Client behaviour read from vendor extensions, defaults applied. */
export interface RetrySettings {
  maxAttempts: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** Everything the emitters need to know about one operation, with refs resolved and defaults applied. */
export interface OperationModel {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string | undefined;
  deprecated: boolean;
  security: string[][];
  params: ParamModel[];
  body: BodyModel | undefined;
  responses: ResponseModel[];
  idempotent: boolean;
  timeoutMs: number | undefined;
  retry: RetrySettings | undefined;
}

/** Extracts the operations of a bundled spec; every problem is collected, then thrown together. */
export function readOperations(bundle: Bundle): { operations: OperationModel[]; errors: SpecError[] } {
  const errors: SpecError[] = [];
  const operations: OperationModel[] = [];
  const ids = new Map<string, Segments>();
  const fail = (at: Segments, rule: string, message: string, hint?: string) => {
    const o = bundle.origin(at);
    errors.push(errorAt(o.file, o.segments, rule, message, hint));
  };
  const deref = (value: unknown): Json => {
    let v = value as Json;
    for (let i = 0; i < 20 && typeof v?.$ref === 'string'; i++)
      v = getAt(bundle.doc, fromPointer(v.$ref)) as Json;
    return v ?? {};
  };
  const paths = (bundle.doc.paths ?? {}) as Record<string, Json>;
  for (const path of Object.keys(paths)) {
    const item = deref(paths[path]);
    for (const method of HTTP_METHODS) {
      const op = item[method] as Json | undefined;
      if (op === undefined) continue;
      const at = ['paths', path, method];
      const raw = typeof op.operationId === 'string' ? op.operationId : `${method} ${path}`;
      const id = toCamelIdentifier(raw);
      const prior = ids.get(id);
      if (prior !== undefined) {
        fail(
          [...at, 'operationId'],
          'duplicate-operation-id',
          `operationId '${id}' is already used at ${String(prior[2]).toUpperCase()} ${String(prior[1])}`,
          'give every operation its own operationId',
        );
        continue;
      }
      ids.set(id, at);
      const params = readParams(item, op, at, deref, fail);
      const body = readBody(
        deref(op.requestBody),
        op.requestBody !== undefined,
        [...at, 'requestBody'],
        fail,
      );
      const responses = readResponses(deref(op.responses), [...at, 'responses'], deref, fail);
      const security = ((op.security ?? bundle.doc.security ?? []) as Record<string, unknown>[]).map((r) =>
        Object.keys(r),
      );
      const idempotent =
        typeof op['x-idempotent'] === 'boolean'
          ? op['x-idempotent']
          : method !== 'post' && method !== 'patch';
      const timeout = op['x-timeout-ms'];
      operations.push({
        id,
        method,
        path,
        security,
        params,
        body,
        responses,
        idempotent,
        summary: typeof op.summary === 'string' ? op.summary : undefined,
        deprecated: op.deprecated === true,
        timeoutMs: typeof timeout === 'number' ? timeout : undefined,
        retry: readRetry(op['x-retry']),
      });
      for (const name of path.match(/\{[^}]+\}/g) ?? []) {
        const n = name.slice(1, -1);
        if (!params.some((p) => p.in === 'path' && p.name === n)) {
          fail(
            at,
            'path-params',
            `path parameter '${n}' of '${path}' is not declared`,
            `add a parameter {name: ${n}, in: path, required: true}`,
          );
        } else if (/[^A-Za-z0-9_]/.test(n)) {
          // Fastify's router ends a parameter name at '-' or '.': `:user-id` would match `/<v>-id` as `user`.
          fail(
            at,
            'unsupported-construct',
            `path parameter '${n}' of '${path}' cannot be a Fastify route parameter`,
            `rename it using letters, digits and '_' only, e.g. ${toCamelIdentifier(n)}`,
          );
        }
      }
    }
  }
  return { operations, errors };
}

function readParams(
  item: Json,
  op: Json,
  at: Segments,
  deref: (v: unknown) => Json,
  fail: Fail,
): ParamModel[] {
  const byKey = new Map<string, ParamModel>();
  const lists: [unknown, Segments][] = [
    [item.parameters, [...at.slice(0, 2), 'parameters']],
    [op.parameters, [...at, 'parameters']],
  ];
  for (const [list, listAt] of lists) {
    (Array.isArray(list) ? list : []).forEach((raw, i) => {
      const p = deref(raw);
      const where = p.in;
      if (where === 'cookie') {
        fail(
          [...listAt, i],
          'unsupported-construct',
          `cookie parameter '${String(p.name)}' cannot be generated`,
          'pass the value in a header or query parameter instead',
        );
        return;
      }
      if (where !== 'path' && where !== 'query' && where !== 'header') return;
      const name = where === 'header' ? String(p.name).toLowerCase() : String(p.name);
      byKey.set(`${where}:${name}`, {
        name,
        specName: String(p.name),
        in: where,
        required: p.required === true || where === 'path',
        schema: p.schema ?? {},
      });
    });
  }
  return [...byKey.values()];
}

type Fail = (at: Segments, rule: string, message: string, hint?: string) => void;

function pickMedia(
  content: unknown,
): { contentType: string; kind: BodyKind; media: Json } | 'unsupported' | undefined {
  if (typeof content !== 'object' || content === null) return undefined;
  const entries = Object.entries(content as Record<string, Json>);
  if (entries.length === 0) return undefined;
  const json = entries.find(([t]) => /^application\/(.+\+)?json\b/.test(t));
  if (json) return { contentType: json[0], kind: 'json', media: json[1] ?? {} };
  const text = entries.find(([t]) => t.startsWith('text/'));
  if (text) return { contentType: text[0], kind: 'text', media: text[1] ?? {} };
  return 'unsupported';
}

function readBody(body: Json, present: boolean, at: Segments, fail: Fail): BodyModel | undefined {
  if (!present) return undefined;
  const media = pickMedia(body.content);
  if (media === 'unsupported') {
    fail(
      [...at, 'content'],
      'unsupported-construct',
      `request media types ${Object.keys(body.content as Json).join(', ')} cannot be generated`,
      'use application/json (or text/plain) for internal calls',
    );
    return undefined;
  }
  if (media === undefined) return undefined;
  return {
    required: body.required === true,
    contentType: media.contentType,
    kind: media.kind,
    schema: media.media.schema ?? {},
  };
}

function readResponses(
  responses: Json,
  at: Segments,
  deref: (v: unknown) => Json,
  fail: Fail,
): ResponseModel[] {
  const out: ResponseModel[] = [];
  for (const [key, raw] of Object.entries(responses)) {
    if (key.startsWith('x-')) continue;
    if (key !== 'default' && !/^[1-5]\d\d$/.test(key)) {
      fail(
        [...at, key],
        'unsupported-construct',
        `response status '${key}' cannot be generated`,
        "list each status explicitly (e.g. '500', '502') instead of a range",
      );
      continue;
    }
    const response = deref(raw);
    const media = pickMedia(response.content);
    if (media === 'unsupported') {
      fail(
        [...at, key, 'content'],
        'unsupported-construct',
        `response media types ${Object.keys(response.content as Json).join(', ')} cannot be generated`,
        'use application/json (or text/plain) for internal calls',
      );
      continue;
    }
    const examples = media?.media.examples as Record<string, Json> | undefined;
    const firstExample = examples === undefined ? undefined : Object.values(examples)[0];
    out.push({
      status: key === 'default' ? 'default' : Number(key),
      contentType: media?.contentType,
      kind: media?.kind ?? 'none',
      schema: media?.media.schema,
      example: media?.media.example ?? (firstExample === undefined ? undefined : deref(firstExample).value),
    });
  }
  return out.sort((a, b) => (a.status === 'default' ? 1 : b.status === 'default' ? -1 : a.status - b.status));
}

function readRetry(value: unknown): RetrySettings | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.maxAttempts !== 'number') return undefined;
  const out: RetrySettings = { maxAttempts: v.maxAttempts };
  if (typeof v.baseDelayMs === 'number') out.baseDelayMs = v.baseDelayMs;
  if (typeof v.maxDelayMs === 'number') out.maxDelayMs = v.maxDelayMs;
  return out;
}

export { SpecError };
