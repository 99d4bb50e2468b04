import type { RouteRateLimit } from '../server/route-table.js';
import type { Bundle } from './bundle.js';
import { type MultipartFiles, multipartFields } from './multipart-fields.js';
import { toCamelIdentifier } from './naming.js';
import { readParams } from './read-params.js';
import { compareStatus, parseStatusKey, type ResponseStatus } from './response-status.js';
import { fromPointer, SpecError, UNSUPPORTED } from './spec-error.js';
import { errorAt } from './spec-file.js';
import { getAt } from './spec-loader.js';

type Json = Record<string, unknown>;
type Segments = readonly (string | number)[];

// 'head' before 'get': Fastify adds a HEAD route for each GET unless one is already registered, and a
// HEAD registered after its GET fails startup with FST_ERR_DUPLICATED_ROUTE.
export const HTTP_METHODS = ['head', 'get', 'put', 'post', 'delete', 'patch', 'options'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * How a body travels: JSON (`application/json` and `application/*+json`), text (`text/*`), a form
 * (`application/x-www-form-urlencoded`, request bodies only), `multipart/form-data` fields and files (request
 * bodies only), bytes (any other media type), Server-Sent Events (a `text/event-stream` response), or absent.
 */
export type BodyKind = 'json' | 'text' | 'form' | 'multipart' | 'binary' | 'events' | 'none';

/** The media type extension that gives the schema of each Server-Sent Event's data (JSON) in OpenAPI 3.1. */
export const EVENT_SCHEMA_KEY = 'x-event-schema';

export interface ParamModel {
  /**
   * The name as Fastify sees it: header names lower-cased, a path parameter name Fastify cannot route
   * (`enterprise-team`) replaced by a route name (`enterprise_team`, see route-url.ts).
   */
  name: string;
  /** The name as the spec spells it (openapi-typescript keys its types by this). */
  specName: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: unknown;
}

export interface BodyModel {
  required: boolean;
  contentType: string;
  kind: BodyKind;
  /** The body's schema; for multipart, the one its parsed parts are validated with (see multipartFields). */
  schema: unknown;
  /** For multipart: the fields that are files. */
  files?: MultipartFiles;
  /**
   * The other request media types the operation accepts (a client sends one by choosing its `contentType`;
   * the server accepts each), in preference order; absent when there is one.
   */
  alternatives?: BodyModel[];
}

export interface ResponseModel {
  /** A numeric status, a range (`4XX`: every 4xx not listed), or 'default' for every status not covered. */
  status: ResponseStatus;
  contentType: string | undefined;
  kind: BodyKind;
  /** The body's schema; for an event stream, the schema of each event's data (undefined: the data is text). */
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
  /** `x-rate-limit`: at most `max` requests per `windowMs` per caller or user (lint checks its shape). */
  rateLimit?: RouteRateLimit;
  /** The path item's type in `types.ts` when not `paths["<path>"]` (a webhook's, a callback's). */
  typeRoot?: string;
}

/** How readOperations treats operations it cannot generate. */
export interface ReadOptions {
  /**
   * Leave out an operation whose only problems are `unsupported-construct` (or that is marked
   * `x-switchboard-skip: true`) and report it in `skipped`, instead of failing. Default false.
   */
  skipUnsupported?: boolean;
  /**
   * Whether a response example may be served (by fakes) for a schema; the first accepted of `example` and
   * `examples` is. Default: every example is accepted.
   */
  acceptExample?: (value: unknown, schema: unknown) => boolean;
  /**
   * Operation ids already taken elsewhere in the document (the paths' when reading webhooks and callbacks),
   * with where: OpenAPI wants an operationId unique among all operations. Default none.
   */
  takenIds?: ReadonlyMap<string, Segments>;
}

/** An operation left out of generation, with every reason (an `x-switchboard-skip` mark or unsupported constructs). */
export interface SkippedOperation {
  id: string;
  method: HttpMethod;
  path: string;
  reasons: SpecError[];
}

/** A path item to read operations from (a path, a webhook, a callback expression). */
export interface PathItemPlace {
  item: unknown;
  /** The path its operations get in the model: the route's URL. */
  path: string;
  /** Where the path item is in the bundled document. */
  at: Segments;
  /** The path item's type in `types.ts`; default `paths["<path>"]`. */
  typeRoot?: string;
}

/**
 * Extracts the operations of a bundled spec; every problem is collected, then thrown together. An operation
 * marked `x-switchboard-skip: true` is always skipped; with `skipUnsupported`, so is one whose only problems
 * are unsupported constructs.
 */
export function readOperations(
  bundle: Bundle,
  options: ReadOptions = {},
): { operations: OperationModel[]; errors: SpecError[]; skipped: SkippedOperation[] } {
  const paths = (bundle.doc.paths ?? {}) as Record<string, Json>;
  const places = Object.keys(paths)
    .filter((path) => !path.startsWith('x-'))
    .map((path) => ({ item: paths[path], path, at: ['paths', path] }));
  return readPathItems(bundle, places, options);
}

/** readOperations over any path items: operation ids are unique among them. */
export function readPathItems(
  bundle: Bundle,
  places: readonly PathItemPlace[],
  options: ReadOptions = {},
): { operations: OperationModel[]; errors: SpecError[]; skipped: SkippedOperation[] } {
  const errors: SpecError[] = [];
  const operations: OperationModel[] = [];
  const skipped: SkippedOperation[] = [];
  const ids = new Map<string, Segments>(options.takenIds);
  let found: SpecError[] = errors;
  const fail = (at: Segments, rule: string, message: string, hint?: string) => {
    const o = bundle.origin(at);
    found.push(errorAt(o.file, o.segments, rule, message, hint));
  };
  const deref = (value: unknown): Json => {
    let v = value as Json;
    for (let i = 0; i < 20 && typeof v?.$ref === 'string'; i++)
      v = getAt(bundle.doc, fromPointer(v.$ref)) as Json;
    return v ?? {};
  };
  for (const place of places) {
    const { path } = place;
    const item = deref(place.item);
    for (const method of HTTP_METHODS) {
      const op = item[method] as Json | undefined;
      if (op === undefined) continue;
      const at = [...place.at, method];
      const raw = typeof op.operationId === 'string' ? op.operationId : `${method} ${path}`;
      const id = toCamelIdentifier(raw);
      const prior = ids.get(id);
      if (prior !== undefined) {
        fail(
          [...at, 'operationId'],
          'duplicate-operation-id',
          `operationId '${id}' is already used at ${String(prior.at(-1)).toUpperCase()} ${String(prior.at(-2))}`,
          'give every operation its own operationId',
        );
        continue;
      }
      ids.set(id, at);
      if (op['x-switchboard-skip'] === true) {
        const o = bundle.origin([...at, 'x-switchboard-skip']);
        const reason = errorAt(o.file, o.segments, 'x-switchboard-skip', 'marked x-switchboard-skip: true');
        skipped.push({ id, method, path, reasons: [reason] });
        continue;
      }
      found = [];
      const where = { id, method, path, at };
      const model = readOperation(bundle, item, op, where, deref, fail, options.acceptExample);
      if (place.typeRoot !== undefined) model.typeRoot = place.typeRoot;
      const problems = found;
      found = errors;
      if (problems.length === 0) operations.push(model);
      else if (options.skipUnsupported === true && problems.every((e) => e.rule === UNSUPPORTED))
        skipped.push({ id, method, path, reasons: problems });
      else errors.push(...problems);
    }
  }
  return { operations, errors, skipped };
}

interface OperationPlace {
  id: string;
  method: HttpMethod;
  path: string;
  at: Segments;
}

function readOperation(
  bundle: Bundle,
  item: Json,
  op: Json,
  { id, method, path, at }: OperationPlace,
  deref: (v: unknown) => Json,
  fail: Fail,
  acceptExample: ReadOptions['acceptExample'],
): OperationModel {
  const params = readParams(item, op, at, deref, fail);
  const body = readBody(
    deref(op.requestBody),
    op.requestBody !== undefined,
    [...at, 'requestBody'],
    fail,
    deref,
  );
  const responses = readResponses(deref(op.responses), [...at, 'responses'], deref, fail, acceptExample);
  const security = ((op.security ?? bundle.doc.security ?? []) as Record<string, unknown>[]).map((r) =>
    Object.keys(r),
  );
  const idempotent =
    typeof op['x-idempotent'] === 'boolean' ? op['x-idempotent'] : method !== 'post' && method !== 'patch';
  const timeout = op['x-timeout-ms'];
  // Declared counts a parameter refused above too: it is reported once, as unsupported.
  const declared = [item.parameters, op.parameters].flatMap((list) =>
    Array.isArray(list)
      ? list
          .map((p) => deref(p))
          .filter((p) => p.in === 'path')
          .map((p) => p.name)
      : [],
  );
  for (const name of path.match(/\{[^}]+\}/g) ?? []) {
    const n = name.slice(1, -1);
    if (!declared.includes(n)) {
      fail(
        at,
        'path-params',
        `path parameter '${n}' of '${path}' is not declared`,
        `add a parameter {name: ${n}, in: path, required: true}`,
      );
    }
  }
  return {
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
    ...readRateLimit(op['x-rate-limit']),
  };
}

/** `x-rate-limit: { max, windowMs, per? }` (per: caller by default); anything else is the lint's to report. */
function readRateLimit(value: unknown): { rateLimit?: RouteRateLimit } {
  const v = asRecord(value);
  if (typeof v.max !== 'number' || typeof v.windowMs !== 'number') return {};
  return { rateLimit: { max: v.max, windowMs: v.windowMs, per: v.per === 'user' ? 'user' : 'caller' } };
}

/** Records a problem at a place of the bundled document. */
export type Fail = (at: Segments, rule: string, message: string, hint?: string) => void;

/**
 * The one media type a response is generated for: JSON first, then an event stream, text, then bytes. Where
 * several are offered, the others are left out. A form or multipart response is unsupported.
 */
function responseMedia(
  content: unknown,
): { contentType: string; kind: BodyKind; media: Json } | 'unsupported' | undefined {
  if (typeof content !== 'object' || content === null) return undefined;
  const entries = Object.entries(content as Record<string, Json>);
  if (entries.length === 0) return undefined;
  const json = entries.find(([t]) => /^application\/(.+\+)?json\b/.test(t));
  if (json) return { contentType: json[0], kind: 'json', media: json[1] ?? {} };
  const events = entries.find(([t]) => /^text\/event-stream\s*(;|$)/i.test(t));
  if (events) return { contentType: events[0], kind: 'events', media: events[1] ?? {} };
  const text = entries.find(([t]) => t.startsWith('text/'));
  if (text) return { contentType: text[0], kind: 'text', media: text[1] ?? {} };
  if (entries.some(([t]) => t === 'application/x-www-form-urlencoded' || t === 'multipart/form-data'))
    return 'unsupported';
  // A range (`image/*`) names no type to answer with.
  const binary = entries.find(([t]) => !t.startsWith('multipart/') && !t.includes('*'));
  if (binary) return { contentType: binary[0], kind: 'binary', media: binary[1] ?? {} };
  return 'unsupported';
}

function readBody(
  body: Json,
  present: boolean,
  at: Segments,
  fail: Fail,
  deref: (v: unknown) => Json,
): BodyModel | undefined {
  if (!present) return undefined;
  const content = asRecord(body.content);
  const names = Object.keys(content);
  if (names.length === 0) return undefined;
  const media = requestMedia(content);
  if (media.length === 0) {
    fail(
      [...at, 'content'],
      UNSUPPORTED,
      `request media types ${names.join(', ')} cannot be generated`,
      'use application/json, a form, multipart/form-data or a single binary body',
    );
    return undefined;
  }
  const models = media.map(({ contentType, kind, media: m }) => {
    const model: BodyModel = { required: body.required === true, contentType, kind, schema: m.schema ?? {} };
    if (kind === 'multipart') {
      const { files, validation } = multipartFields(model.schema, deref);
      model.files = files;
      model.schema = validation;
    }
    return model;
  });
  const [primary, ...alternatives] = models as [BodyModel, ...BodyModel[]];
  if (alternatives.length > 0) primary.alternatives = alternatives;
  return primary;
}

const REQUEST_KINDS: readonly BodyKind[] = ['json', 'text', 'form', 'multipart', 'binary'];

/**
 * Every request media type that can be generated, the one a client sends by default first: JSON, then text,
 * a form, multipart, bytes (in the spec's order within each). Other multipart types are left out, and so is a
 * range (`image/*`, bytes of any type in it, which the caller names) unless it is the only media type.
 */
function requestMedia(content: Json): { contentType: string; kind: BodyKind; media: Json }[] {
  const out: { contentType: string; kind: BodyKind; media: Json }[] = [];
  const types = Object.keys(content);
  const [only] = types;
  if (types.length === 1 && only !== undefined && only.includes('*') && !only.startsWith('multipart/'))
    return [{ contentType: only, kind: 'binary', media: asRecord(content[only]) }];
  for (const [type, media] of Object.entries(content)) {
    const kind: BodyKind | undefined = /^application\/(.+\+)?json\b/.test(type)
      ? 'json'
      : type.startsWith('text/')
        ? 'text'
        : type === 'application/x-www-form-urlencoded'
          ? 'form'
          : type === 'multipart/form-data'
            ? 'multipart'
            : type.startsWith('multipart/') || type.includes('*')
              ? undefined
              : 'binary';
    if (kind !== undefined) out.push({ contentType: type, kind, media: asRecord(media) });
  }
  return out.sort((a, b) => REQUEST_KINDS.indexOf(a.kind) - REQUEST_KINDS.indexOf(b.kind));
}

function readResponses(
  responses: Json,
  at: Segments,
  deref: (v: unknown) => Json,
  fail: Fail,
  acceptExample?: ReadOptions['acceptExample'],
): ResponseModel[] {
  const out: ResponseModel[] = [];
  for (const [key, raw] of Object.entries(responses)) {
    if (key.startsWith('x-')) continue;
    const status = parseStatusKey(key);
    if (status === undefined) {
      fail(
        [...at, key],
        UNSUPPORTED,
        `response status '${key}' cannot be generated`,
        "use a status ('404'), a range ('4XX') or 'default'",
      );
      continue;
    }
    const response = deref(raw);
    const media = responseMedia(response.content);
    if (media === 'unsupported') {
      fail(
        [...at, key, 'content'],
        UNSUPPORTED,
        `response media types ${Object.keys(response.content as Json).join(', ')} cannot be generated`,
        'multipart and form responses are not generated: use application/json, text or a binary type',
      );
      continue;
    }
    // An event stream's schema is its events' data (x-event-schema): none means each event's data is text.
    const schema = media?.kind === 'events' ? media.media[EVENT_SCHEMA_KEY] : media?.media.schema;
    const given = media?.media.example;
    const candidates = [
      ...(given === undefined || given === null ? [] : [given]),
      ...Object.values(asRecord(media?.media.examples)).map((e) => deref(e).value),
    ];
    out.push({
      status,
      contentType: media?.contentType,
      kind: media?.kind ?? 'none',
      schema,
      example: acceptExample === undefined ? candidates[0] : candidates.find((v) => acceptExample(v, schema)),
    });
  }
  return out.sort((a, b) => compareStatus(a.status, b.status));
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
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

export { SpecError, UNSUPPORTED };
