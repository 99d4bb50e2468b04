import type { HttpRequest } from './build-request.js';

const VARIABLE = /\$\{[A-Z_][A-Z0-9_]*/;

/** Quotes `text` for a POSIX shell: single quotes, with embedded single quotes spliced in. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Quotes `text` so that its `${VARIABLE…}` references expand and nothing else does. */
function quoteExpanding(text: string): string {
  if (!VARIABLE.test(text)) return shellQuote(text);
  return `"${text.replace(/["\\`]|\$(?!\{[#A-Z_])/g, '\\$&')}"`;
}

/**
 * A curl command that reproduces `request` as a report shows it (secrets are `${VARIABLE}` references the
 * shell expands), printing the status line and headers with the body.
 */
export function curlLine(request: HttpRequest): string {
  const parts = ['curl', '-sS', '-i', '-X', request.method, quoteExpanding(request.url)];
  for (const [name, value] of Object.entries(request.headers)) {
    // `-H 'Name:'` would remove the header; `-H 'Name;'` sends it empty.
    parts.push('-H', value === '' ? shellQuote(`${name};`) : quoteExpanding(`${name}: ${value}`));
  }
  if (request.body !== undefined) parts.push('--data-binary', shellQuote(request.body));
  return parts.join(' ');
}
