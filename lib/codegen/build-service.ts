import { buildWebhooks } from './build-webhooks.js';
import { type Bundle, bundleSpec } from './bundle.js';
import { documentValidator } from './document-validators.js';
import { emitClient } from './emit-client.js';
import { emitDocument } from './emit-document.js';
import { emitFake } from './emit-fake.js';
import { emitServer } from './emit-server.js';
import { readOperations, type SkippedOperation } from './operation-model.js';
import { routeSchemas, sharedSchemas } from './route-schema.js';
import { readSchemes, type ServiceModel, serviceNames } from './service-model.js';
import { shareSchemas } from './shared-schemas.js';
import { SpecError, SpecErrors } from './spec-error.js';
import { SpecLoader } from './spec-loader.js';
import { type PendingTypes, startTypes } from './types-job.js';
import { validateExamples } from './validate-examples.js';
import { validateOpenApi } from './validate-openapi.js';

/** The files generated for one service, by name, and the absolute paths of every spec file it read. */
export interface BuiltService {
  files: Record<string, string>;
  inputs: string[];
  operations: number;
  /** Operations left out (marked `x-switchboard-skip`, or unsupported with `skipUnsupported`). */
  skipped: SkippedOperation[];
  /** With `skipUnsupported`: one `invalid-example` per example left out, instead of an error. */
  invalidExamples: SpecError[];
}

/** Options of buildService. */
export interface BuildOptions {
  /**
   * Leave out operations whose only problems are unsupported constructs, and examples that do not match
   * their schema (fakes do not serve them), instead of failing. Default false.
   */
  skipUnsupported?: boolean;
}

/** Whether the spec at `path` defines operations (a service) or only shared components. Throws SpecError. */
export function isServiceSpec(loader: SpecLoader, path: string): boolean {
  const value = loader.load(path).value as { paths?: unknown };
  return typeof value.paths === 'object' && value.paths !== null && Object.keys(value.paths).length > 0;
}

/**
 * Generates `types.ts`, `client.ts`, `server.ts` and `fake.ts` for the service spec at `path`, in memory.
 * Throws a SpecError, or an array of them, when the spec cannot be generated. Skipped operations (see
 * readOperations) keep their types in `types.ts` but get no client method, route or fake.
 */
export async function buildService(
  loader: SpecLoader,
  path: string,
  name: string,
  specPath: string,
  runtime: string,
  options: BuildOptions = {},
): Promise<BuiltService> {
  const bundle = bundleOrThrow(loader, path);
  // Types take the longest on a big spec and need nothing but the bundle: started first, in parallel, and
  // dropped if the bundle turns out not to be a valid OpenAPI document.
  const types = startTypes(bundle, specPath);
  try {
    const invalid = validateOpenApi(bundle);
    if (invalid.length > 0) throw invalid;
    return await buildRest(bundle, types, name, specPath, runtime, options);
  } catch (error) {
    types.cancel();
    throw error;
  }
}

/** buildService once the bundle is valid and its types are on their way. */
async function buildRest(
  bundle: Bundle,
  types: PendingTypes,
  name: string,
  specPath: string,
  runtime: string,
  options: BuildOptions,
): Promise<BuiltService> {
  const validator = documentValidator(bundle.doc);
  const lenient = options.skipUnsupported === true;
  // Validation is the same as validateExamples' for a response's media type, so a fake serves none it reports.
  const acceptExample = (value: unknown, schema: unknown) => validator(schema, 'strict')?.(value) !== false;
  const read = readOperations(bundle, lenient ? { ...options, acceptExample } : options);
  const { errors, skipped } = read;
  let operations = read.operations;
  const invalidExamples = validateExamples(bundle, validator);
  if (!lenient) errors.push(...invalidExamples);
  const service: ServiceModel = {
    name,
    ...serviceNames(name),
    specPath,
    runtime,
    operations,
    schemes: readSchemes(bundle),
    bundle,
  };
  const sharing = shareSchemas(name, bundle.doc);
  const routes = routeSchemas(service, operations, sharing, options);
  const schemas = routes.schemas;
  errors.push(...routes.errors);
  skipped.push(...routes.skipped);
  const takenIds = new Map(
    [...operations, ...skipped].map((op) => [op.id, ['paths', op.path, op.method]] as const),
  );
  const webhooks = buildWebhooks(service, sharing, { ...options, takenIds });
  errors.push(...webhooks.errors);
  skipped.push(...webhooks.skipped);
  if (errors.length > 0) throw errors;
  if (operations.some((op) => schemas[op.id] === undefined)) {
    operations = operations.filter((op) => schemas[op.id] !== undefined);
    service.operations = operations;
  }
  const shared = sharedSchemas(service, sharing, schemas);
  if (shared instanceof SpecError) throw [shared];
  return {
    files: {
      'types.ts': await types.text(),
      'client.ts': emitClient(service),
      'server.ts': emitServer(service, schemas, shared),
      'fake.ts': emitFake(service),
      'document.ts': emitDocument(bundle, specPath, service.camel),
      ...(webhooks.file === undefined ? {} : { 'webhooks.ts': webhooks.file }),
    },
    inputs: bundle.files.map((f) => f.path),
    operations: operations.length,
    skipped,
    invalidExamples: lenient ? invalidExamples : [],
  };
}

/** Bundles the spec at `path`; every unresolvable ref is thrown as one array of SpecErrors. */
function bundleOrThrow(loader: SpecLoader, path: string) {
  try {
    return bundleSpec(loader.load(path), loader);
  } catch (error) {
    throw error instanceof SpecErrors ? error.errors : error;
  }
}

export { SpecLoader };
