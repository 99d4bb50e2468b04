import openapiTS, { astToString } from 'openapi-typescript';
import type { Bundle } from './bundle.js';
import { generatedHeader } from './header.js';

/** `types.ts`: openapi-typescript's `paths`, `components` and `operations` types for the bundled spec. */
export async function emitTypes(bundle: Bundle, specPath: string): Promise<string> {
  // The bundle was validated against the OpenAPI schema before this runs, so it is an OpenAPI3 document.
  const doc = structuredClone(bundle.doc) as unknown as Parameters<typeof openapiTS>[0];
  // defaultNonNullable off: a field with a default stays optional for the caller, as the spec's `required` says.
  const nodes = await openapiTS(doc, { silent: true, alphabetize: false, defaultNonNullable: false });
  return `${generatedHeader(specPath)}\n${astToString(nodes)}`;
}
