import { emitWebhooks } from './emit-webhooks.js';
import type { ReadOptions, SkippedOperation } from './operation-model.js';
import { readReceivers } from './read-receivers.js';
import { routeSchema, sharedSchemas } from './route-schema.js';
import type { ServiceModel } from './service-model.js';
import type { SchemaSharing } from './shared-schemas.js';
import { SpecError, UNSUPPORTED } from './spec-error.js';

/**
 * `webhooks.ts` for the webhooks and callbacks of `service` (undefined when it has none), with the problems
 * and skipped operations found on the way, by the rules operations follow.
 */
export function buildWebhooks(
  service: ServiceModel,
  sharing: SchemaSharing,
  options: ReadOptions,
): { file: string | undefined; errors: SpecError[]; skipped: SkippedOperation[] } {
  const { operations, errors, skipped } = readReceivers(service.bundle, options);
  const schemas: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const schema = routeSchema(service, op, sharing);
    if (!(schema instanceof SpecError)) schemas[op.id] = schema;
    else if (options.skipUnsupported === true && schema.rule === UNSUPPORTED)
      skipped.push({ id: op.id, method: op.method, path: op.path, reasons: [schema] });
    else errors.push(schema);
  }
  const receivers = operations.filter((op) => schemas[op.id] !== undefined);
  if (errors.length > 0 || receivers.length === 0) return { file: undefined, errors, skipped };
  const shared = sharedSchemas(service, sharing, schemas);
  if (shared instanceof SpecError) return { file: undefined, errors: [shared], skipped };
  return { file: emitWebhooks(service, receivers, schemas, shared), errors, skipped };
}
