import { describe, expect, it } from 'vitest';
import { emitDocument } from '../../../lib/codegen/emit-document.js';
import { LARGE_LITERAL, rowDepth, toFlatLiteral, toLiteral } from '../../../lib/codegen/literal.js';

/** Strings that a printer could get wrong: quotes, backslashes, line breaks JSON leaves raw, markup. */
const TRICKY = {
  "it's": 'a \\ b \'c\' "d" `e` $\u007bf}',
  breaks: 'x\ny\u2028z\u2029',
  'kebab-key': [1, null, true],
};

/** Evaluates the literal after `= ` in generated code, as the module would. */
function evaluated(code: string): unknown {
  const start = code.indexOf(' = ') + 3;
  return new Function(`return (${code.slice(start).replace(/;\s*$/, '')});`)();
}

describe('literals of big tables', () => {
  it('prints a flat literal with the same value, on one line', () => {
    const flat = toFlatLiteral({ a: { b: [TRICKY, { c: undefined }] } });
    expect(flat).not.toContain('\n');
    expect(flat).not.toContain('\u2028');
    expect(new Function(`return ${flat};`)()).toEqual({ a: { b: [TRICKY, {}] } });
  });

  it('keeps small tables multi-line and puts each row of a large one on its own line', () => {
    const small = { ops: { a: { method: 'get' } } };
    expect(rowDepth(small, 2)).toBe(Number.POSITIVE_INFINITY);
    const large = { ops: { a: { pad: 'x'.repeat(LARGE_LITERAL) }, b: { method: 'get' } } };
    const printed = toLiteral(large, '', false, rowDepth(large, 2));
    expect(printed.split('\n')).toEqual([
      '{',
      '  ops: {',
      expect.stringMatching(/^ {4}a: \{pad:"x+"\},$/),
      '    b: {method:"get"},',
      '  },',
      '}',
    ]);
  });

  it('embeds a large document as JSON.parse of a string that gives the same value', () => {
    const doc = { openapi: '3.1.0', info: TRICKY, pad: 'x'.repeat(LARGE_LITERAL) };
    const code = emitDocument({ doc }, 'specs/big.yaml', 'big');
    expect(code).toContain("export const bigDocument: Record<string, unknown> = JSON.parse('");
    expect(evaluated(code)).toEqual(doc);
    expect(evaluated(emitDocument({ doc: { info: TRICKY } }, 'specs/small.yaml', 'small'))).toEqual({
      info: TRICKY,
    });
  });
});
