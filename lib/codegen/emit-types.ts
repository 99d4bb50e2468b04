import { createRequire } from 'node:module';
import type openapiTSType from 'openapi-typescript';
import type { astToString as astToStringType } from 'openapi-typescript';
import type { Bundle } from './bundle.js';
import { generatedHeader } from './header.js';
import { SpecError } from './spec-error.js';
import { typesInput } from './types-input.js';

// openapi-typescript's CommonJS build loads TypeScript through `require`, which Node 20 does without first
// compiling and scanning the 9 MB typescript.js as ESM: about 1.2 s less per generation.
const require = createRequire(import.meta.url);
const { default: openapiTS, astToString } = require('openapi-typescript') as {
  default: typeof openapiTSType;
  astToString: typeof astToStringType;
};

/**
 * `types.ts`: openapi-typescript's `paths`, `webhooks`, `components` and `operations` types for the bundled
 * spec; each callback is typed as a webhook named `<operationId>.<callback name>` (see read-receivers.ts).
 */
export async function emitTypes(bundle: Bundle, specPath: string): Promise<string> {
  // The bundle was validated against the OpenAPI schema before this runs, so it is an OpenAPI3 document.
  const doc = typesInput(bundle.doc) as unknown as Parameters<typeof openapiTS>[0];
  // defaultNonNullable off: a field with a default stays optional for the caller, as the spec's `required` says.
  let nodes: Awaited<ReturnType<typeof openapiTS>>;
  try {
    nodes = await openapiTS(doc, { silent: true, alphabetize: false, defaultNonNullable: false });
  } catch (error) {
    // What openapi-typescript still refuses (its own ref resolution) is a problem of the spec, not a crash.
    throw new SpecError('types', `openapi-typescript cannot type the spec: ${(error as Error).message}`, {
      file: bundle.entry.path,
    });
  }
  return `${generatedHeader(specPath)}\n${astToString(nodes)}`;
}
