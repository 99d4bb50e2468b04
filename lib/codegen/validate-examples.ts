import type { Bundle } from './bundle.js';
import { type DocumentValidator, documentValidator } from './document-validators.js';
import { findExamples } from './example-sites.js';
import { fromPointer, type SpecError, toPointer } from './spec-error.js';
import { errorAt } from './spec-file.js';
import { describeError, pickErrors } from './validate-openapi.js';

/**
 * Checks every example of a bundled spec (see findExamples) against its schema as a generated server
 * validates: JSON Schema 2020-12 with OpenAPI 3.0 forms converted, formats checked, parameter and header
 * values coerced from strings, bodies not. One `invalid-example` error per invalid example, located at the
 * offending value; the same place reached twice (a shared file inlined in two places) is reported once.
 * `validator` defaults to a new one for the document; pass one to share its compiled schemas.
 */
export function validateExamples(
  bundle: Bundle,
  validator: DocumentValidator = documentValidator(bundle.doc),
): SpecError[] {
  const found = new Map<string, SpecError>();
  for (const site of findExamples(bundle.doc)) {
    const validate = validator(site.schema, site.kind);
    // Coercion rewrites values in place, and the bundle is emitted afterwards: coerce a copy.
    const value = site.kind === 'coercing' ? structuredClone(site.value) : site.value;
    if (validate === undefined || validate(value)) continue;
    const fault = pickErrors(validate.errors ?? [])[0];
    if (fault === undefined) continue;
    const o = bundle.origin([...site.valueAt, ...fromPointer(fault.instancePath)]);
    const named = site.usedAt === undefined ? 'example' : `example used at #${toPointer(site.usedAt)}`;
    const where = fault.instancePath === '' ? 'the value' : fault.instancePath;
    const error = errorAt(
      o.file,
      o.segments,
      'invalid-example',
      `${named} does not match its schema: ${where} ${describeError(fault)}`,
      'change the example or the schema so they agree: mocks serve examples and `switchboard verify` sends them',
    );
    found.set(`${o.file.path}#${toPointer(o.segments)}#${error.message}`, error);
  }
  return [...found.values()];
}
