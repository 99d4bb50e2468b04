import { createRequire } from 'node:module';
import type {
  astToString as astToStringType,
  GlobalContext,
  OpenAPI3,
  OpenAPITSOptions,
  resolveRef as resolveRefType,
  scanDiscriminators as scanDiscriminatorsType,
} from 'openapi-typescript';
import type { Bundle } from './bundle.js';
import { generatedHeader } from './header.js';
import { SpecError } from './spec-error.js';
import { typesInput } from './types-input.js';

// openapi-typescript's CommonJS build loads TypeScript through `require`, which Node 20 does without first
// compiling and scanning the 9 MB typescript.js as ESM: about 1.2 s less per generation.
const require = createRequire(import.meta.url);
const { astToString, resolveRef, scanDiscriminators, transformSchema } = require('openapi-typescript') as {
  astToString: typeof astToStringType;
  resolveRef: typeof resolveRefType;
  scanDiscriminators: typeof scanDiscriminatorsType;
  // Declared without `redoc`: only openapiTS() reads that (to lint and bundle), never the transform.
  transformSchema(schema: OpenAPI3, ctx: Omit<GlobalContext, 'redoc'>): Parameters<typeof astToStringType>[0];
};

/**
 * `types.ts`: openapi-typescript's `paths`, `webhooks`, `components` and `operations` types for the bundled
 * spec; each callback is typed as a webhook named `<operationId>.<callback name>` (see read-receivers.ts).
 */
export async function emitTypes(bundle: Bundle, specPath: string): Promise<string> {
  return typesText(typesInput(bundle.doc), specPath, bundle.entry.path);
}

/**
 * `types.ts` for `input`, a bundled document already passed through typesInput (so a worker thread can be
 * handed a copy of it). Throws a SpecError located at `file` when openapi-typescript refuses it.
 */
export function typesText(input: unknown, specPath: string, file: string): string {
  // The bundle was validated against the OpenAPI schema before this runs, so it is an OpenAPI3 document.
  const doc = input as OpenAPI3;
  let nodes: ReturnType<typeof transformSchema>;
  try {
    nodes = transformSchema(doc, typesContext(doc));
  } catch (error) {
    // What openapi-typescript still refuses (its own ref resolution) is a problem of the spec, not a crash.
    throw new SpecError('types', `openapi-typescript cannot type the spec: ${(error as Error).message}`, {
      file,
    });
  }
  return `${generatedHeader(specPath)}\n${astToString(nodes)}`;
}

/**
 * The context openapiTS() (7.13) builds for these options, so the output is the same without its redocly lint
 * and bundle pass: the document is already bundled and validated, and that pass took half the run on big specs.
 * Its bundle step gives a document without `components` an empty one, which changes the output; so does this.
 */
function typesContext(doc: OpenAPI3): Omit<GlobalContext, 'redoc'> {
  doc.components ??= {};
  // defaultNonNullable off: a field with a default stays optional for the caller, as the spec's `required` says.
  const options: OpenAPITSOptions = { silent: true, alphabetize: false, defaultNonNullable: false };
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: false,
    discriminators: scanDiscriminators(doc, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    silent: true,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: (ref) => resolveRef(doc, ref, { silent: true }),
  };
}
