import { createRequire } from 'node:module';
import type openapiTSType from 'openapi-typescript';
import type { astToString as astToStringType } from 'openapi-typescript';
import type { Bundle } from './bundle.js';
import { generatedHeader } from './header.js';

// openapi-typescript's CommonJS build loads TypeScript through `require`, which Node 20 does without first
// compiling and scanning the 9 MB typescript.js as ESM: about 1.2 s less per generation.
const require = createRequire(import.meta.url);
const { default: openapiTS, astToString } = require('openapi-typescript') as {
  default: typeof openapiTSType;
  astToString: typeof astToStringType;
};

/** `types.ts`: openapi-typescript's `paths`, `components` and `operations` types for the bundled spec. */
export async function emitTypes(bundle: Bundle, specPath: string): Promise<string> {
  // The bundle was validated against the OpenAPI schema before this runs, so it is an OpenAPI3 document.
  const doc = structuredClone(bundle.doc) as unknown as Parameters<typeof openapiTS>[0];
  // defaultNonNullable off: a field with a default stays optional for the caller, as the spec's `required` says.
  const nodes = await openapiTS(doc, { silent: true, alphabetize: false, defaultNonNullable: false });
  return `${generatedHeader(specPath)}\n${astToString(nodes)}`;
}
