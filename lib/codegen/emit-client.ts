import { isMediaRange, mediaEssence } from '../client/media-type.js';
import type { BodySending, OperationSpec, ServiceSpec } from '../client/service-spec.js';
import { generatedHeader } from './header.js';
import { rowDepth, toLiteral } from './literal.js';
import { toPascal } from './naming.js';
import type { BodyModel, OperationModel } from './operation-model.js';
import { rangeClass } from './response-status.js';
import type { ServiceModel } from './service-model.js';
import {
  bodiesOf,
  bodyType,
  hasEvents,
  hasMultipart,
  hasRange,
  isPlainJson,
  isSuccess,
  opTypeAlias,
  paramPresence,
  paramsType,
  responseBodyType,
  statusType,
} from './type-refs.js';

/** `client.ts`: the service's runtime table, input/result types per operation and `create<Service>Client`. */
export function emitClient(service: ServiceModel): string {
  const { pascal, camel, operations } = service;
  const schemeNames = Object.keys(service.schemes);
  const scheme = schemeNames.length === 0 ? 'never' : schemeNames.map((s) => JSON.stringify(s)).join(' | ');
  const table: ServiceSpec = {
    name: service.name,
    schemes: service.schemes,
    operations: Object.fromEntries(operations.map((op) => [op.id, operationSpec(op)])),
  };
  const range = operations.some(hasRange) ? '  type StatusInRange,\n' : '';
  const events = operations.some(hasEvents) ? '  type EventStream,\n' : '';
  const multipart = operations.some(hasMultipart) ? '  type MultipartInput,\n' : '';
  const out = [
    generatedHeader(service.specPath),
    `import {\n  type CallFailure,\n  type CallOptions,\n  type ClientOptions,\n  createCaller,\n${events}  type Failure,\n  type HttpError,\n${multipart}  type ServiceSpec,\n${range}  type Success,\n} from '${service.runtime}/client';`,
    `import type { paths } from './types.js';\n`,
    `/** Security scheme names of ${service.name}, the keys of \`credentials\`. */`,
    `export type ${pascal}Scheme = ${scheme};\n`,
    `/** What the runtime needs to know about each operation of ${service.name}. */`,
    `export const ${camel}Spec: ServiceSpec = ${toLiteral(table, '', false, rowDepth(table, 2))};\n`,
  ];
  for (const op of operations) out.push(opTypeAlias(op), inputType(op), resultType(op));
  out.push(
    `/** A typed client for ${service.name}: one method per operation, each resolving to a Result. */`,
  );
  out.push(`export interface ${pascal}Client {`);
  for (const op of operations) {
    const name = toPascal(op.id);
    const optional = inputRequired(op) ? '' : '?';
    out.push(`  /** ${docOf(op)} */`);
    out.push(
      `  ${op.id}(input${optional}: ${name}Input, options?: CallOptions<${pascal}Scheme>): Promise<${name}Result>;`,
    );
  }
  out.push('}\n');
  out.push(
    `/** Creates a ${service.name} client. Throws a TypeError when \`options.baseUrl\` is not an http(s) URL. */`,
  );
  out.push(
    `export function create${pascal}Client(options: ClientOptions<${pascal}Scheme>): ${pascal}Client {`,
  );
  out.push(`  const call = createCaller(${camel}Spec, options);`);
  out.push('  return {');
  for (const op of operations) {
    out.push(
      `    ${op.id}: (input, options) => call(${JSON.stringify(op.id)}, input, options) as Promise<${toPascal(op.id)}Result>,`,
    );
  }
  out.push('  };', '}', '');
  return out.join('\n');
}

function operationSpec(op: OperationModel): OperationSpec {
  const spec: OperationSpec = {
    method: op.method,
    path: op.path,
    security: op.security,
    idempotent: op.idempotent,
    statuses: op.responses.flatMap((r) => (typeof r.status === 'number' ? [r.status] : [])),
    hasDefault: op.responses.some((r) => r.status === 'default'),
    parseAs: parseAs(op),
  };
  const events = op.responses.find((r) => isSuccess(r) && r.kind === 'events');
  if (events !== undefined) spec.events = events.schema === undefined ? 'text' : 'json';
  const ranges = op.responses.flatMap((r) =>
    typeof r.status === 'string' && r.status !== 'default' ? [rangeClass(r.status)] : [],
  );
  if (ranges.length > 0) spec.ranges = ranges;
  if (op.body !== undefined) Object.assign(spec, sendingOf(op.body));
  if (op.body?.alternatives !== undefined)
    spec.bodies = Object.fromEntries(bodiesOf(op).map((b) => [b.contentType, sendingOf(b)]));
  if (op.timeoutMs !== undefined) spec.timeoutMs = op.timeoutMs;
  if (op.retry !== undefined) spec.retry = op.retry;
  return spec;
}

/** How a client sends a body of this media type: its `requestBody` kind and Content-Type, when not JSON's. */
function sendingOf(body: BodyModel): BodySending {
  const out: BodySending = {};
  const kind = body.kind;
  if (kind === 'text' || kind === 'form' || kind === 'binary' || kind === 'multipart') out.requestBody = kind;
  // openapi-fetch's default is application/json; any other JSON, a form or bytes go with the spec's type. A
  // multipart body's type carries the boundary of each call's body.
  if (kind !== 'text' && kind !== 'multipart' && !isPlainJson(body.contentType))
    out.contentType = body.contentType;
  return out;
}

function parseAs(op: OperationModel): OperationSpec['parseAs'] {
  const successes = op.responses.filter(isSuccess);
  if (successes.some((r) => r.kind === 'events')) return 'events';
  if (successes.some((r) => r.kind === 'binary')) return 'bytes';
  return successes.some((r) => r.kind === 'text') ? 'text' : 'json';
}

function docOf(op: OperationModel): string {
  const head = `${op.method.toUpperCase()} ${op.path}${op.summary === undefined ? '' : `: ${op.summary}`}`;
  return `${head.replaceAll('*/', '* /')}${op.deprecated ? ' @deprecated' : ''}`;
}

function inputRequired(op: OperationModel): boolean {
  return (
    paramPresence(op.params, 'path') === 'required' ||
    paramPresence(op.params, 'query') === 'required' ||
    paramPresence(op.params, 'header') === 'required' ||
    paramPresence(op.params, 'cookie') === 'required' ||
    op.body?.required === true
  );
}

function inputType(op: OperationModel): string {
  const fields: string[] = [];
  for (const [key, where] of [
    ['path', 'path'],
    ['query', 'query'],
    ['headers', 'header'],
    ['cookies', 'cookie'],
  ] as const) {
    const presence = paramPresence(op.params, where);
    if (presence !== 'none')
      fields.push(`  ${key}${presence === 'required' ? '' : '?'}: ${paramsType(op, where)};`);
  }
  const optional = op.body?.required ? '' : '?';
  const body = bodyType(op, 'client');
  // A range (`image/*`) names no type to send: the caller names one in it.
  if (op.body !== undefined && isMediaRange(op.body.contentType))
    fields.push(
      `  // The media type the body is sent as: one in the spec's range.`,
      `  contentType: ${rangeType(op.body.contentType)};`,
    );
  if (body !== undefined && op.body?.alternatives === undefined) fields.push(`  body${optional}: ${body};`);
  let shape = fields.length === 0 ? 'Record<string, never>' : `{\n${fields.join('\n')}\n}`;
  if (op.body?.alternatives !== undefined) {
    // Several media types: `contentType` picks one (default the first) and types the body.
    const variants = bodiesOf(op).map(
      (b, i) =>
        `  | { contentType${i === 0 ? '?' : ''}: ${JSON.stringify(b.contentType)}; body${optional}: ${bodyType(op, 'client', b)} }`,
    );
    shape = `${fields.length === 0 ? '' : `${shape} & `}(\n${variants.join('\n')}\n)`;
  }
  return `/** Input of \`${op.id}\`. */\nexport type ${toPascal(op.id)}Input = ${shape};\n`;
}

function resultType(op: OperationModel): string {
  const successes = op.responses
    .filter(isSuccess)
    .map((r) => `  | Success<${statusType(op, r)}, ${responseBodyType(op, r, 'client')}>`);
  const errors = op.responses
    .filter((r) => !isSuccess(r))
    .map((r) => `HttpError<${statusType(op, r)}, ${responseBodyType(op, r, 'client')}>`);
  errors.push('CallFailure');
  return [
    `/** Result of \`${op.id}\`: a documented success, a documented error (narrow on \`error.status\`) or a CallFailure. */`,
    `export type ${toPascal(op.id)}Result =`,
    ...(successes.length === 0 ? [] : successes),
    `  | Failure<\n${errors.map((e) => `      | ${e}`).join('\n')}\n    >;\n`,
  ].join('\n');
}

/** The TypeScript type of the media types in `range`: a template literal type, e.g. image/ and any subtype. */
function rangeType(range: string): string {
  const essence = mediaEssence(range);
  const any = '$' + '{string}';
  return essence === '*/*' ? `\`${any}/${any}\`` : `\`${essence.slice(0, -1)}${any}\``;
}
