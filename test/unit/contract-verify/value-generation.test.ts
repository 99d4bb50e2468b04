import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { generateValue, SeededRandom, stringForPattern } from '../../../lib/contract/verify/index.js';

const ajv = new Ajv2020({ strict: false });
addFormats.default(ajv);

const SCHEMAS: Record<string, object> = {
  'bounded string with pattern': {
    type: 'string',
    minLength: 1,
    maxLength: 128,
    pattern: '^[A-Za-z0-9_-]+$',
  },
  'E.164 phone': { type: 'string', maxLength: 16, pattern: '^\\+[1-9][0-9]{6,14}$' },
  traceparent: {
    type: 'string',
    maxLength: 55,
    pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
  },
  'error code': { type: 'string', maxLength: 64, pattern: '^[A-Z_]+$' },
  email: { type: 'string', format: 'email', maxLength: 254 },
  'date-time or null': { type: ['string', 'null'], format: 'date-time', maxLength: 64 },
  'free text with unicode': { type: 'string', minLength: 1, maxLength: 8000 },
  'integer with bounds': { type: 'integer', minimum: 60, maximum: 86400 },
  'exclusive number': { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
  'unique enum array': {
    type: 'array',
    maxItems: 2,
    uniqueItems: true,
    items: { type: 'string', enum: ['user-service', 'notion-service'] },
  },
  'closed object with optional props': {
    type: 'object',
    additionalProperties: false,
    required: ['prompt'],
    properties: { prompt: { type: 'string', minLength: 1, maxLength: 80 }, provider: { enum: ['a', 'b'] } },
  },
  'oneOf by const': {
    oneOf: [
      {
        type: 'object',
        additionalProperties: false,
        required: ['connected', 'token'],
        properties: { connected: { const: true }, token: { type: 'string', minLength: 1, maxLength: 512 } },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['connected', 'token'],
        properties: { connected: { const: false }, token: { type: 'null' } },
      },
    ],
  },
  'allOf merge': {
    allOf: [
      { type: 'object', required: ['a'], properties: { a: { type: 'integer', minimum: 0, maximum: 3 } } },
      { type: 'object', required: ['b'], properties: { b: { type: 'boolean' } } },
    ],
  },
  'string map': { type: 'object', maxProperties: 4, additionalProperties: { type: 'string', maxLength: 5 } },
};

describe('generateValue', () => {
  it.each(Object.entries(SCHEMAS))('generates 300 valid values: %s', (_name, schema) => {
    const validate = ajv.compile(schema);
    const rng = new SeededRandom(`values/${_name}`);
    for (let i = 0; i < 300; i++) {
      const generated = generateValue(schema, rng);
      expect(generated).toBeDefined();
      if (!validate(generated?.value))
        throw new Error(`${JSON.stringify(generated?.value)}: ${ajv.errorsText(validate.errors)}`);
    }
  });

  it('reaches the boundaries: the longest string, both ends of a range, both oneOf branches and null', () => {
    const rng = new SeededRandom('bounds');
    const lengths = new Set<number>();
    const ints = new Set<unknown>();
    const branches = new Set<unknown>();
    const nullable = new Set<unknown>();
    for (let i = 0; i < 200; i++) {
      lengths.add(
        (generateValue({ type: 'string', minLength: 2, maxLength: 128 }, rng)?.value as string).length,
      );
      ints.add(generateValue({ type: 'integer', minimum: 60, maximum: 86400 }, rng)?.value);
      branches.add(
        (generateValue(SCHEMAS['oneOf by const'], rng)?.value as { connected: boolean }).connected,
      );
      nullable.add(generateValue({ type: ['string', 'null'], maxLength: 3 }, rng)?.value === null);
    }
    expect([...lengths].some((n) => n === 128) && [...lengths].some((n) => n === 2)).toBe(true);
    expect(ints.has(60) && ints.has(86400)).toBe(true);
    expect([...branches].sort()).toEqual([false, true]);
    expect([...nullable].sort()).toEqual([false, true]);
  });

  it('is deterministic per seed', () => {
    const run = (seed: string) => {
      const rng = new SeededRandom(seed);
      return Array.from({ length: 20 }, () =>
        generateValue(SCHEMAS['closed object with optional props'], rng),
      );
    };
    expect(run('same')).toEqual(run('same'));
    expect(run('same')).not.toEqual(run('other'));
  });
});

describe('stringForPattern', () => {
  it('handles classes, escapes, groups, alternation and counted quantifiers', () => {
    const rng = new SeededRandom('patterns');
    for (const pattern of ['^(ab|cd)+x?$', '^[^a-z]{3}$', '^\\d{2,4}-\\w+$', '^msg-[0-9a-f]{8}$', 'abc']) {
      for (let i = 0; i < 50; i++) {
        const s = stringForPattern(pattern, rng, 0, 40);
        expect(s).toBeDefined();
        expect(new RegExp(pattern, 'u').test(s ?? '')).toBe(true);
      }
    }
  });

  it('gives up on lookarounds and back-references instead of guessing', () => {
    const rng = new SeededRandom('unsupported');
    expect(stringForPattern('^(?=a)a$', rng)).toBeUndefined();
    expect(stringForPattern('^(a)\\1$', rng)).toBeUndefined();
  });

  it('honours minLength and maxLength', () => {
    const rng = new SeededRandom('lengths');
    for (let i = 0; i < 100; i++) {
      const s = stringForPattern('^[a-z]+$', rng, 5, 9) ?? '';
      expect(s.length).toBeGreaterThanOrEqual(5);
      expect(s.length).toBeLessThanOrEqual(9);
    }
  });
});

describe('SeededRandom', () => {
  it('stays within bounds and forks independently of what was drawn before', () => {
    const a = new SeededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const n = a.int(-3, 3);
      expect(n >= -3 && n <= 3 && Number.isInteger(n)).toBe(true);
    }
    const b = new SeededRandom(7);
    expect(a.fork('x').next()).toBe(b.fork('x').next());
  });
});
