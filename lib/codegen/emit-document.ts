import type { Bundle } from './bundle.js';
import { generatedHeader } from './header.js';
import { toLiteral } from './literal.js';

/**
 * `document.ts`: the spec bundled into one self-contained document (external `$ref`s pulled in), served by
 * the docs plugin at `/docs` and used by provider verification, so a running service needs no YAML.
 */
export function emitDocument(bundle: Bundle, specPath: string, camel: string): string {
  return [
    generatedHeader(specPath),
    `/** ${specPath}, bundled: every external \`$ref\` resolved into this one document. */`,
    `export const ${camel}Document: Record<string, unknown> = ${toLiteral(bundle.doc)};`,
    '',
  ].join('\n');
}
