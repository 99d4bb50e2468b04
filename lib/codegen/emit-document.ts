import type { Bundle } from './bundle.js';
import { generatedHeader } from './header.js';
import { isLarge, toLiteral } from './literal.js';

/**
 * `document.ts`: the spec bundled into one self-contained document (external `$ref`s pulled in), served by
 * the docs plugin at `/docs` and used by provider verification, so a running service needs no YAML.
 */
export function emitDocument(bundle: Pick<Bundle, 'doc'>, specPath: string, camel: string): string {
  return [
    generatedHeader(specPath),
    `/** ${specPath}, bundled: every external \`$ref\` resolved into this one document. */`,
    `export const ${camel}Document: Record<string, unknown> = ${documentLiteral(bundle.doc)};`,
    '',
  ].join('\n');
}

/**
 * Pretty for a small document, so diffs read well; a big one (GitHub's: 13 MB) as one `JSON.parse` of a
 * string, about half the bytes of the pretty literal, and V8 and tsc read a string faster than an object.
 */
function documentLiteral(doc: Record<string, unknown>): string {
  if (!isLarge(doc)) return toLiteral(doc);
  const text = JSON.stringify(doc).replace(/[\\'\u2028\u2029]/g, (c) => ESCAPES[c] ?? c);
  return `JSON.parse('${text}')`;
}

/** What changes inside a single-quoted string; JSON text has no other line breaks. */
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};
