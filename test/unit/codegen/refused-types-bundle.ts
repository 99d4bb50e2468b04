import type { Bundle } from '../../../lib/codegen/bundle.js';
import { parseSpecFile } from '../../../lib/codegen/spec-file.js';

/**
 * A bundle of `/nowhere/bad.yaml`, a spec that parses but that openapi-typescript refuses to type (a property
 * whose schema is an array): the in-thread and worker paths must both turn the refusal into a located error.
 */
export function refusedTypesBundle(): Bundle {
  const text = `openapi: 3.1.0
info: { title: bad, version: '1' }
paths: {}
components:
  schemas:
    A: { type: object, properties: { a: [1] } }
`;
  const file = parseSpecFile('/nowhere/bad.yaml', text);
  return {
    entry: file,
    doc: file.value as Record<string, unknown>,
    files: [file],
    origin: () => ({ file, segments: [] }),
  };
}
