import type { SeededRandom } from './seeded-random.js';

/** A parsed piece of a pattern: a set of characters, a group of alternatives, repeated min..max times. */
type Node =
  | { kind: 'chars'; chars: string; min: number; max: number }
  | { kind: 'group'; alternatives: Node[][]; min: number; max: number };

const DIGITS = '0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const WORD = `${UPPER}${LOWER}${DIGITS}_`;
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const ESCAPES: Readonly<Record<string, string>> = { d: DIGITS, w: WORD, s: ' ', n: '\n', t: '\t' };
const UNBOUNDED = Number.POSITIVE_INFINITY;

/**
 * Generates a string that fully matches `pattern` with a length within [minLength, maxLength], for the
 * "pattern-lite" subset used in specs: literals, escapes (`\d \w \s \.`), classes with ranges and
 * negation, `.`, groups with `|`, and the quantifiers `? * + {n} {n,} {n,m}`, optionally anchored.
 * Returns undefined when the pattern uses anything else or no attempt produced a matching string.
 */
export function stringForPattern(
  pattern: string,
  rng: SeededRandom,
  minLength = 0,
  maxLength = 64,
  attempts = 30,
): string | undefined {
  let nodes: Node[];
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'u');
    nodes = new Parser(pattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, '')).parseSequence();
  } catch {
    return undefined;
  }
  for (let i = 0; i < attempts; i++) {
    const target = rng.chance(0.3) ? maxLength : rng.int(minLength, Math.min(maxLength, minLength + 40));
    const text = emit(nodes, rng, Math.max(target, 1));
    if (text.length >= minLength && text.length <= maxLength && regex.test(text)) return text;
  }
  return undefined;
}

function emit(nodes: Node[], rng: SeededRandom, target: number): string {
  let out = '';
  for (const node of nodes) {
    const max = node.max === UNBOUNDED ? Math.max(node.min, target - out.length) : node.max;
    const count = rng.chance(0.3) ? max : rng.int(node.min, max);
    for (let i = 0; i < count; i++) {
      out +=
        node.kind === 'chars'
          ? node.chars.charAt(rng.int(0, node.chars.length - 1))
          : emit(rng.pick(node.alternatives), rng, target - out.length);
    }
  }
  return out;
}

class Parser {
  #at = 0;

  constructor(readonly source: string) {}

  parseSequence(): Node[] {
    const nodes: Node[] = [];
    while (this.#at < this.source.length && this.peek() !== ')' && this.peek() !== '|') {
      const atom = this.parseAtom();
      const [min, max] = this.parseQuantifier();
      nodes.push({ ...atom, min, max } as Node);
    }
    return nodes;
  }

  private parseAtom(): { kind: 'chars'; chars: string } | { kind: 'group'; alternatives: Node[][] } {
    const c = this.take();
    if (c === '(') {
      if (this.source.startsWith('?:', this.#at)) this.#at += 2;
      else if (this.peek() === '?') throw new SyntaxError('lookaround');
      const alternatives = [this.parseSequence()];
      while (this.peek() === '|') {
        this.#at++;
        alternatives.push(this.parseSequence());
      }
      if (this.take() !== ')') throw new SyntaxError('unclosed group');
      return { kind: 'group', alternatives };
    }
    if (c === '[') return { kind: 'chars', chars: this.parseClass() };
    if (c === '.') return { kind: 'chars', chars: PRINTABLE };
    if (c === '\\') return { kind: 'chars', chars: this.parseEscape() };
    if ('^$|*+?{}'.includes(c)) throw new SyntaxError(`unsupported '${c}'`);
    return { kind: 'chars', chars: c };
  }

  private parseClass(): string {
    const negated = this.peek() === '^';
    if (negated) this.#at++;
    let chars = '';
    let first = true;
    while (this.peek() !== ']' || first) {
      first = false;
      let c = this.take();
      if (c === '\\') c = this.parseEscape();
      if (c.length === 1 && this.peek() === '-' && this.source[this.#at + 1] !== ']') {
        this.#at++;
        let end = this.take();
        if (end === '\\') end = this.parseEscape();
        for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++)
          chars += String.fromCharCode(code);
      } else chars += c;
    }
    this.#at++;
    if (negated) chars = [...PRINTABLE].filter((ch) => !chars.includes(ch)).join('');
    if (chars === '') throw new SyntaxError('empty class');
    return chars;
  }

  private parseEscape(): string {
    const c = this.take();
    const known = ESCAPES[c];
    if (known !== undefined) return known;
    if (/[A-Za-z0-9]/.test(c)) throw new SyntaxError(`unsupported escape \\${c}`);
    return c;
  }

  private parseQuantifier(): [number, number] {
    const c = this.peek();
    let range: [number, number] = [1, 1];
    if (c === '?') range = [0, 1];
    else if (c === '*') range = [0, UNBOUNDED];
    else if (c === '+') range = [1, UNBOUNDED];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.#at));
      if (m === null) throw new SyntaxError('bad quantifier');
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? UNBOUNDED : Number(m[3]);
      this.#at += m[0].length - 1;
      range = [min, max];
    } else return range;
    this.#at++;
    if (this.peek() === '?') this.#at++;
    return range;
  }

  private peek(): string | undefined {
    return this.source[this.#at];
  }

  private take(): string {
    const c = this.source[this.#at++];
    if (c === undefined) throw new SyntaxError('unexpected end of pattern');
    return c;
  }
}
