/** Escapes that mean something only with the u flag: property classes and code point escapes. */
const U_ONLY = /\\[pP]\{|\\u\{/;

/**
 * Ajv's RegExp engine for spec `pattern`s. Ajv compiles patterns with the `u` flag, in which an escape of a
 * character that needs none (`\:`, `\-` outside a class) is a syntax error; spec authors write them for
 * engines that accept them, and DigitalOcean's spec has several. A pattern `u` refuses is compiled without it,
 * which reads such escapes as the character itself, unless it also uses `\p{…}` or `\u{…}`, which mean other
 * characters without `u`. A pattern neither way accepts throws a SyntaxError naming it.
 */
export const schemaPattern = Object.assign(
  (pattern: string, flags: string): RegExp => {
    try {
      return new RegExp(pattern, flags);
    } catch (error) {
      // Without u, `\p{L}` or `\u{…}` would silently mean other characters: such a pattern is refused.
      if (flags.includes('u') && !U_ONLY.test(pattern))
        try {
          return new RegExp(pattern, flags.replace('u', ''));
        } catch {}
      const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
      throw new SyntaxError(
        `pattern ${JSON.stringify(pattern)} is not a JavaScript regular expression (${reason})`,
      );
    }
  },
  // Ajv writes this in standalone code; Switchboard never generates standalone validators.
  { code: 'new RegExp' },
);
