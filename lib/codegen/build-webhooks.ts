import { emitWebhooks } from './emit-webhooks.js';
import type { ReadOptions, SkippedOperation } from './operation-model.js';
import { readReceivers } from './read-receivers.js';
import { routeSchemas, sharedSchemas } from './route-schema.js';
import type { ServiceModel } from './service-model.js';
import type { SchemaSharing } from './shared-schemas.js';
import { SpecError } from './spec-error.js';

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
  const routes = routeSchemas(service, operations, sharing, options);
  const schemas = routes.schemas;
  errors.push(...routes.errors);
  skipped.push(...routes.skipped);
  const receivers = operations.filter((op) => schemas[op.id] !== undefined);
  if (errors.length > 0 || receivers.length === 0) return { file: undefined, errors, skipped };
  const shared = sharedSchemas(service, sharing, schemas);
  if (shared instanceof SpecError) return { file: undefined, errors: [shared], skipped };
  return { file: emitWebhooks(service, receivers, schemas, shared), errors, skipped };
}
