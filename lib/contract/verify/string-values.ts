import type { SeededRandom } from './seeded-random.js';
import { stringForPattern } from './string-pattern.js';

type Json = Record<string, unknown>;

/** Where a generated string will travel: headers only carry visible ASCII without surrounding spaces. */
export type StringTarget = 'body' | 'header' | 'path' | 'query';

/** Longest string generated for a schema without `maxLength` (or with a huge one). */
export const MAX_GENERATED_LENGTH = 8192;
const UNBOUNDED_DEFAULT = 40;

const CHUNK = 256;
const ALPHANUMERIC = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
const ASCII_EXTRA = [..." -_.,:;!?'()[]{}@#%&*+=/~"];
const UNICODE = ['é', 'ß', 'Ж', '中', '✓', '😀', '\u00a0'];

/**
 * A string valid for `schema` (`format` email/date-time/date/time/uuid/uri/hostname/ipv4, `pattern`,
 * `minLength`/`maxLength` in code points), or undefined when the pattern is beyond pattern-lite. Lengths
 * favour the boundaries: min and max each about a fifth of the time.
 */
export function generateString(schema: Json, rng: SeededRandom, target: StringTarget): string | undefined {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = Math.min(
    typeof schema.maxLength === 'number' ? schema.maxLength : min + UNBOUNDED_DEFAULT,
    Math.max(min, MAX_GENERATED_LENGTH),
  );
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  const byFormat = format === undefined ? undefined : formatted(format, rng, min, max);
  if (byFormat !== undefined) return byFormat;
  if (typeof schema.pattern === 'string') return stringForPattern(schema.pattern, rng, min, max);
  return freeText(rng, pickLength(rng, min, max), target);
}

/** A length in [min, max], at either bound about a fifth of the time each. */
export function pickLength(rng: SeededRandom, min: number, max: number): number {
  const roll = rng.next();
  if (roll < 0.2) return min;
  if (roll < 0.4) return max;
  return rng.int(min, Math.min(max, min + UNBOUNDED_DEFAULT));
}

/** `length` code points of text fit for `target`: bodies also get punctuation and non-ASCII characters. */
export function freeText(rng: SeededRandom, length: number, target: StringTarget): string {
  // Long strings repeat a random chunk: their length is what matters, and this keeps generation cheap.
  const points: string[] = [];
  const rich = target === 'body' && rng.chance(0.5);
  for (let i = 0; i < Math.min(length, CHUNK); i++) {
    const roll = rng.next();
    if (rich && roll < 0.1) points.push(rng.pick(UNICODE));
    else if (roll < 0.25 && target !== 'path') points.push(rng.pick(ASCII_EXTRA));
    else points.push(rng.pick(ALPHANUMERIC));
  }
  while (points.length < length) points.push(...points.slice(0, length - points.length));
  if (target === 'header') {
    // Header values are trimmed by HTTP parsers: keep the ends visible.
    if (points[0] === ' ') points[0] = 'h';
    if (points.at(-1) === ' ') points[points.length - 1] = 'h';
  }
  return points.join('');
}

function formatted(format: string, rng: SeededRandom, min: number, max: number): string | undefined {
  const within = (value: string) => (value.length >= min && value.length <= max ? value : undefined);
  const word = (n: number) =>
    freeText(rng, n, 'path')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x');
  switch (format) {
    case 'email': {
      const domain = rng.pick(['example.com', 'example.org', 'mail.example.net']);
      const total = pickLength(rng, Math.max(min, domain.length + 2), Math.min(max, domain.length + 65));
      return within(`${word(Math.max(1, total - domain.length - 1))}@${domain}`);
    }
    case 'date-time': {
      const iso = timestamp(rng).toISOString();
      return within(rng.chance(0.3) ? iso.replace(/\.\d{3}/, '') : iso);
    }
    case 'date':
      return within(timestamp(rng).toISOString().slice(0, 10));
    case 'time':
      return within(`${timestamp(rng).toISOString().slice(11, 19)}Z`);
    case 'uuid':
      return within(
        [8, 4, 4, 4, 12]
          .map((n) => Array.from({ length: n }, () => '0123456789abcdef'.charAt(rng.int(0, 15))).join(''))
          .join('-'),
      );
    case 'uri':
      return within(`https://${word(rng.int(1, 12))}.example.com/${word(rng.int(0, 12))}`);
    case 'hostname':
      return within(`${word(rng.int(1, 20))}.example.com`);
    case 'ipv4':
      return within(Array.from({ length: 4 }, () => rng.int(0, 255)).join('.'));
    default:
      return undefined;
  }
}

function timestamp(rng: SeededRandom): Date {
  // 2000-01-01 .. 2099-12-31, whole seconds or milliseconds.
  return new Date(rng.int(946_684_800, 4_102_358_400) * 1000 + (rng.chance(0.5) ? rng.int(0, 999) : 0));
}
