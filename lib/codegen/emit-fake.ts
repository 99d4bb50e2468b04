import type { FakeExample } from '../client/fake-client.js';
import { generatedHeader } from './header.js';
import { isLarge, toFlatLiteral, toLiteral } from './literal.js';
import type { OperationModel } from './operation-model.js';
import { representativeStatus } from './response-status.js';
import type { ServiceModel } from './service-model.js';
import { isSuccess } from './type-refs.js';

/**
 * `fake.ts`: `createFake<Service>Client(overrides)`, an in-memory client with the real interface. Each method
 * answers with the spec's example for its first success status unless overridden; calls are recorded.
 */
export function emitFake(service: ServiceModel): string {
  const { pascal, camel } = service;
  const answers = service.operations.map((op) => ({ op, ...answerOf(op) }));
  // Flat rows when the examples are big (GitHub's: megabytes), as in the route tables.
  const flat = isLarge(answers.map((a) => a.example));
  const entries = answers.map(({ op, code, example }) => {
    if (code !== undefined) return `  ${op.id}: ${code},`;
    return `  ${op.id}: ${flat ? toFlatLiteral(example) : toLiteral(example, '  ')},`;
  });
  return [
    generatedHeader(service.specPath),
    `import { createFake, type Fake, type FakeExample } from '${service.runtime}/client';`,
    `import type { ${pascal}Client } from './client.js';\n`,
    `/** The example answer of each ${service.name} operation, from the spec (null: no example, override it). */`,
    `export const ${camel}Examples: Record<keyof ${pascal}Client, FakeExample | null> = {\n${entries.join('\n')}\n};\n`,
    `/** An in-memory ${service.name} client for tests: spec examples by default, \`overrides\` per method. */`,
    `export function createFake${pascal}Client(overrides: Partial<${pascal}Client> = {}): Fake<${pascal}Client> {`,
    `  return createFake<${pascal}Client>(${JSON.stringify(service.name)}, ${camel}Examples, overrides);`,
    '}',
    '',
  ].join('\n');
}

/** The example answer of one operation: a value to print, or `code` where no JSON value says it. */
function answerOf(op: OperationModel): { code?: string; example: FakeExample | null } {
  const success = op.responses.find(isSuccess);
  const listed = op.responses.flatMap((r) => (typeof r.status === 'number' ? [r.status] : []));
  // isSuccess: a 2xx status or the 2XX range, never `default`.
  const status = success === undefined ? 200 : representativeStatus(success.status as number | '2XX', listed);
  // A body-less success reads as `value: undefined` in the real client; toLiteral would drop the key.
  if (success?.kind === 'none') return { code: `{ status: ${status}, value: undefined }`, example: null };
  // Bytes, as the real client reads them: none unless overridden (a spec example of bytes is a string).
  // An event stream: none unless overridden (`ok(eventStreamOf([...]))`).
  if (success?.kind === 'events') return { example: null };
  if (success?.kind === 'binary')
    return { code: `{ status: ${status}, value: new Uint8Array() }`, example: null };
  return { example: success?.example === undefined ? null : { status, value: success.example } };
}
