/**
 * Ajv's RegExp engine for spec `pattern`s. Ajv compiles patterns with the `u` flag, in which an escape of a
 * character that needs none (`\:`, `\-` outside a class) is a syntax error; spec authors write them for
 * engines that accept them, and DigitalOcean's spec has several. A pattern `u` refuses is compiled without it,
 * which reads such escapes as the character itself. A pattern neither accepts throws a SyntaxError naming it.
 */
export const schemaPattern = Object.assign(
  (pattern: string, flags: string): RegExp => {
    try {
      return new RegExp(pattern, flags);
    } catch (error) {
      try {
        if (flags.includes('u')) return new RegExp(pattern, flags.replace('u', ''));
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
