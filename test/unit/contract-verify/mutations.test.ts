import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { generateValue, mutationsOf, SeededRandom } from '../../../lib/contract/verify/index.js';

const ajv = new Ajv2020({ strict: false });
addFormats.default(ajv);

const GADGET = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'owner', 'kind', 'size', 'tags'],
  properties: {
    name: { type: 'string', minLength: 3, maxLength: 40, pattern: '^[a-z]+$' },
    owner: { type: 'string', format: 'email', maxLength: 254 },
    kind: { type: 'string', enum: ['widget', 'gizmo'] },
    size: { type: 'integer', minimum: 1, maximum: 10 },
    tags: {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      uniqueItems: true,
      items: { type: 'string', maxLength: 10 },
    },
  },
};

describe('mutationsOf', () => {
  it('offers every kind of mutation for a rich object, and most of them really are invalid', () => {
    const rng = new SeededRandom('mutations');
    const validate = ajv.compile(GADGET);
    const kinds = new Set<string>();
    let invalid = 0;
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const value = generateValue(GADGET, rng)?.value;
      expect(validate(value)).toBe(true);
      for (const m of mutationsOf(GADGET, value, rng)) {
        kinds.add(m.kind);
        total++;
        if (!validate(m.value)) invalid++;
      }
    }
    expect([...kinds].sort()).toEqual([
      'bad-enum',
      'bad-format',
      'drop-required',
      'duplicate-items',
      'extra-property',
      'out-of-range',
      'pattern',
      'too-long',
      'too-many-items',
      'too-short',
      'wrong-type',
    ]);
    expect(invalid / total).toBeGreaterThan(0.95);
  });

  it('never touches the original value and says where it changed the copy', () => {
    const value = { name: 'abc', owner: 'a@example.com', kind: 'widget', size: 1, tags: ['t'] };
    const before = structuredClone(value);
    const mutations = mutationsOf(GADGET, value, new SeededRandom(1));
    expect(value).toEqual(before);
    const atSize = mutations.filter((m) => m.at === '/size').map((m) => m.kind);
    expect(atSize).toContain('out-of-range');
    expect(atSize).toContain('wrong-type');
  });

  it('does not shorten a path parameter to nothing (that would be another route, not a bad parameter)', () => {
    const schema = { type: 'string', minLength: 1, maxLength: 8 };
    const kinds = mutationsOf(schema, 'a', new SeededRandom(2), 'path').map((m) => m.kind);
    expect(kinds).not.toContain('too-short');
  });
});
