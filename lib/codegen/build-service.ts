import { bundleSpec } from './bundle.js';
import { emitClient } from './emit-client.js';
import { emitDocument } from './emit-document.js';
import { emitFake } from './emit-fake.js';
import { emitServer } from './emit-server.js';
import { emitTypes } from './emit-types.js';
import { readOperations } from './operation-model.js';
import { routeSchema } from './route-schema.js';
import { readSchemes, type ServiceModel, serviceNames } from './service-model.js';
import { SpecError, SpecErrors } from './spec-error.js';
import { SpecLoader } from './spec-loader.js';
import { validateExamples } from './validate-examples.js';
import { validateOpenApi } from './validate-openapi.js';

/** The files generated for one service, by name, and the absolute paths of every spec file it read. */
export interface BuiltService {
  files: Record<string, string>;
  inputs: string[];
  operations: number;
}

/** Whether the spec at `path` defines operations (a service) or only shared components. Throws SpecError. */
export function isServiceSpec(loader: SpecLoader, path: string): boolean {
  const value = loader.load(path).value as { paths?: unknown };
  return typeof value.paths === 'object' && value.paths !== null && Object.keys(value.paths).length > 0;
}

/**
 * Generates `types.ts`, `client.ts`, `server.ts` and `fake.ts` for the service spec at `path`, in memory.
 * Throws a SpecError, or an array of them, when the spec cannot be generated.
 */
export async function buildService(
  loader: SpecLoader,
  path: string,
  name: string,
  specPath: string,
  runtime: string,
): Promise<BuiltService> {
  const bundle = bundleOrThrow(loader, path);
  const invalid = validateOpenApi(bundle);
  if (invalid.length > 0) throw invalid;
  const { operations, errors } = readOperations(bundle);
  errors.push(...validateExamples(bundle));
  const service: ServiceModel = {
    name,
    ...serviceNames(name),
    specPath,
    runtime,
    operations,
    schemes: readSchemes(bundle),
    bundle,
  };
  const schemas: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const schema = routeSchema(service, op);
    if (schema instanceof SpecError) errors.push(schema);
    else schemas[op.id] = schema;
  }
  if (errors.length > 0) throw errors;
  return {
    files: {
      'types.ts': await emitTypes(bundle, specPath),
      'client.ts': emitClient(service),
      'server.ts': emitServer(service, schemas),
      'fake.ts': emitFake(service),
      'document.ts': emitDocument(bundle, specPath, service.camel),
    },
    inputs: bundle.files.map((f) => f.path),
    operations: operations.length,
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
