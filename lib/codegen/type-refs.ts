import { toPascal } from './naming.js';
import type { BodyModel, OperationModel, ParamModel, ResponseModel } from './operation-model.js';
import { isSuccessStatus, rangeClass } from './response-status.js';

/** TypeScript expressions that name parts of an operation inside openapi-typescript's `paths` type. */
export function opTypeName(op: OperationModel): string {
  return `${toPascal(op.id)}Op`;
}

/** The alias declaration that `opTypeName` refers to. */
export function opTypeAlias(op: OperationModel): string {
  const root = op.typeRoot ?? `paths[${JSON.stringify(op.path)}]`;
  return `type ${opTypeName(op)} = ${root}[${JSON.stringify(op.method)}];`;
}

/** The type of one parameter location (`path`, `query`, `header`, `cookie`), non-optional. */
export function paramsType(op: OperationModel, where: ParamModel['in']): string {
  return `NonNullable<${opTypeName(op)}['parameters']['${where}']>`;
}

/**
 * The request body type, or undefined when the operation takes none. A binary body is bytes, a `Blob` or a
 * stream (web or Node, read whole before the first attempt so a retry can send it again) for a client to
 * send, and the `Buffer` Fastify read (within the route's body limit) for a handler.
 */
export function bodyType(
  op: OperationModel,
  side: 'client' | 'server',
  body: BodyModel | undefined = op.body,
): string | undefined {
  if (body === undefined) return undefined;
  if (body.kind === 'binary')
    return side === 'client'
      ? 'Blob | Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>'
      : 'Buffer';
  const type = `NonNullable<${opTypeName(op)}['requestBody']>['content'][${quote(body.contentType)}]`;
  if (body.kind !== 'multipart') return type;
  const names = (list: readonly string[] | undefined) =>
    list === undefined || list.length === 0 ? 'never' : list.map((n) => JSON.stringify(n)).join(' | ');
  const files = `${names(body.files?.single)}, ${names(body.files?.lists)}`;
  return side === 'client' ? `MultipartInput<${type}, ${files}>` : `MultipartFields<${type}, ${files}>`;
}

/** Every request body media type of the operation, the default one first. */
export function bodiesOf(op: OperationModel): BodyModel[] {
  return op.body === undefined ? [] : [op.body, ...(op.body.alternatives ?? [])];
}

/** Whether the operation takes a multipart body, so generated code imports its types. */
export function hasMultipart(op: OperationModel): boolean {
  return bodiesOf(op).some((b) => b.kind === 'multipart');
}

/**
 * The body type of one response; `undefined` for a response without content. A binary body is the
 * `Uint8Array` a client reads, and bytes (a `Buffer` is one) or a stream, Node or web, that a handler answers
 * with (streamed to the caller as it is read). An event
 * stream is the `EventStream` a client reads and the async iterable of events a handler answers with.
 */
export function responseBodyType(op: OperationModel, r: ResponseModel, side: 'client' | 'server'): string {
  if (r.contentType === undefined) return 'undefined';
  if (r.kind === 'binary')
    return side === 'client'
      ? 'Uint8Array'
      : 'Uint8Array | NodeJS.ReadableStream | ReadableStream<Uint8Array>';
  const key = typeof r.status === 'number' ? String(r.status) : quote(r.status);
  const type = `${opTypeName(op)}['responses'][${key}]['content'][${quote(r.contentType)}]`;
  if (r.kind !== 'events') return type;
  const data = r.schema === undefined ? 'string' : type;
  return side === 'client' ? `EventStream<${data}>` : `AsyncIterable<ServerSentEvent<${data}>>`;
}

/** Whether the operation answers with an event stream, so generated code imports its types. */
export function hasEvents(op: OperationModel): boolean {
  return op.responses.some((r) => r.kind === 'events');
}

/**
 * The TypeScript type of a response's status: the literal, `number` for `default`, or for a range its
 * statuses minus those the operation lists explicitly (`StatusInRange<4, 404>`: 400-499 except 404).
 */
export function statusType(op: OperationModel, r: ResponseModel): string {
  if (typeof r.status === 'number') return String(r.status);
  if (r.status === 'default') return 'number';
  const c = rangeClass(r.status);
  const listed = op.responses.flatMap((o) =>
    typeof o.status === 'number' && Math.floor(o.status / 100) === c ? [o.status] : [],
  );
  return listed.length === 0 ? `StatusInRange<${c}>` : `StatusInRange<${c}, ${listed.join(' | ')}>`;
}

/** Whether the operation documents a status range, so generated code imports `StatusInRange`. */
export function hasRange(op: OperationModel): boolean {
  return op.responses.some((r) => typeof r.status === 'string' && r.status !== 'default');
}

/** Whether `params` holds a parameter of location `where`, and whether any of them is required. */
export function paramPresence(
  params: ParamModel[],
  where: ParamModel['in'],
): 'none' | 'optional' | 'required' {
  const list = params.filter((p) => p.in === where);
  if (list.length === 0) return 'none';
  return list.some((p) => p.required) ? 'required' : 'optional';
}

/** True for a status that counts as success (2xx, or the `2XX` range). */
export function isSuccess(r: ResponseModel): boolean {
  return isSuccessStatus(r.status);
}

/** A single-quoted TypeScript string literal. */
export function quote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** Whether a media type is plain `application/json` (parameters such as `charset` aside), Fastify's default. */
export function isPlainJson(mediaType: string): boolean {
  return /^application\/json\s*(;|$)/i.test(mediaType);
}
