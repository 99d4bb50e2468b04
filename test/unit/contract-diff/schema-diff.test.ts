import { describe, expect, it } from 'vitest';
import { breaks, type Direction, severityFor } from '../../../lib/contract/diff/change.js';
import { formatPath } from '../../../lib/contract/diff/findings.js';
import { type Json, schemaContext } from '../../../lib/contract/diff/schema-context.js';
import { diffSchema } from '../../../lib/contract/diff/schema-diff.js';

/** Compares `base` and `head` (each a schema, with `schemas` as their components) read in `direction`. */
function diff(direction: Direction, base: unknown, head: unknown, schemas: [Json, Json] = [{}, {}]) {
  const doc = (s: Json) => ({ components: { schemas: s } });
  const ctx = schemaContext(direction, doc(schemas[0]), doc(schemas[1]));
  return diffSchema(ctx, base, head, []).map((f) => ({
    at: formatPath(f.path),
    kind: f.kind,
    breaking: breaks(f.effect, direction),
  }));
}

/** The same findings with the severity they are reported at. */
function graded(direction: Direction, base: unknown, head: unknown, schemas: [Json, Json] = [{}, {}]) {
  const doc = (s: Json) => ({ components: { schemas: s } });
  const ctx = schemaContext(direction, doc(schemas[0]), doc(schemas[1]));
  return diffSchema(ctx, base, head, []).map(
    (f) => `${formatPath(f.path) || '.'} ${f.kind} ${severityFor(f.effect, direction, f.doubtful === true)}`,
  );
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: 'string', maxLength: 10 };

describe('compareSchema', () => {
  it('terminates on mutually recursive schemas and still reports the change inside', () => {
    const a = (extra: Json) => ({ type: 'object', properties: { b: ref('B'), ...extra } });
    const b = { type: 'object', properties: { a: ref('A') } };
    const found = diff('response', ref('A'), ref('A'), [
      { A: a({ name: str }), B: b },
      { A: a({}), B: b },
    ]);
    expect(found).toEqual([{ at: 'name', kind: 'property-removed', breaking: true }]);
  });

  it('reports a schema reused in many places once, at the first (no blow-up on a deep graph)', () => {
    const level = (n: number, leaf: Json): Json =>
      n === 0
        ? { L0: leaf }
        : {
            ...level(n - 1, leaf),
            [`L${n}`]: { type: 'object', properties: { x: ref(`L${n - 1}`), y: ref(`L${n - 1}`) } },
          };
    const started = performance.now();
    const found = diff('response', ref('L30'), ref('L30'), [
      level(30, { type: 'string' }),
      level(30, { type: 'integer' }),
    ]);
    expect(performance.now() - started).toBeLessThan(500);
    expect(found).toEqual([{ at: Array(30).fill('x').join('.'), kind: 'type-changed', breaking: true }]);
  });

  it('pairs allOf members by title and anyOf members by position', () => {
    const titled = (title: string, props: Json) => ({ title, type: 'object', properties: props });
    const found = diff(
      'request',
      { allOf: [titled('Base', { id: str })], anyOf: [str, { type: 'integer', maximum: 10 }] },
      {
        allOf: [titled('Extra', { tag: str }), titled('Base', { id: str })],
        anyOf: [str, { type: 'integer', maximum: 5 }],
      },
    );
    expect(found).toEqual([
      { at: '(anyOf #2)', kind: 'constraint-narrowed', breaking: true },
      { at: '', kind: 'variant-added', breaking: true },
    ]);
  });

  it('reads 3.0 nullable and exclusive bounds like their 3.1 spelling', () => {
    const v30 = { type: 'number', nullable: true, minimum: 0, exclusiveMinimum: true };
    const v31 = { type: ['number', 'null'], exclusiveMinimum: 0 };
    expect(diff('request', v30, v31)).toEqual([]);
    expect(diff('response', v31, v30)).toEqual([]);
  });

  it('treats integer → number as wider: fine for a request, breaking for a response', () => {
    expect(diff('request', { type: 'integer' }, { type: 'number' })).toEqual([
      { at: '', kind: 'type-widened', breaking: false },
    ]);
    expect(diff('response', { type: 'integer' }, { type: 'number' })[0]?.breaking).toBe(true);
  });

  it('skips readOnly fields in requests and writeOnly fields in responses', () => {
    const before = {
      type: 'object',
      properties: { id: { ...str, readOnly: true }, secret: { ...str, writeOnly: true } },
    };
    const after = { type: 'object', properties: {} };
    expect(diff('request', before, after).map((f) => f.at)).toEqual(['secret']);
    expect(diff('response', before, after).map((f) => f.at)).toEqual(['id']);
  });

  it('walks array items and additionalProperties schemas', () => {
    const found = diff(
      'response',
      { type: 'array', items: { type: 'object', additionalProperties: { type: 'string' } } },
      { type: 'array', items: { type: 'object', additionalProperties: { type: ['string', 'null'] } } },
    );
    expect(found).toEqual([{ at: '[].*', kind: 'nullable-added', breaking: true }]);
  });

  it('reads a schema with properties but no type as an object', () => {
    const props = { properties: { id: str } };
    expect(diff('request', props, { type: 'object', ...props })).toEqual([]);
    expect(diff('request', {}, { type: 'object' })).toEqual([
      { at: '', kind: 'type-narrowed', breaking: true },
    ]);
  });

  it('ignores documentation keywords', () => {
    const doc = { description: 'x', title: 'T', example: 1, examples: [1], deprecated: false };
    expect(diff('response', { type: 'string', ...doc }, { type: 'string', description: 'y' })).toEqual([]);
  });

  it('compares a $ref wrapped in oneOf with null (3.1 nullable) with the referenced schema', () => {
    const obj = { type: 'object', properties: { id: str } };
    const wrapped = { oneOf: [{ type: 'null' }, ref('Obj')] };
    expect(graded('request', ref('Obj'), wrapped, [{ Obj: obj }, { Obj: obj }])).toEqual([
      '. nullable-added info',
    ]);
    const tighter = { Obj: { type: 'object', properties: { id: { type: 'string', maxLength: 5 } } } };
    expect(graded('request', ref('Obj'), wrapped, [{ Obj: obj }, tighter])).toEqual([
      '. nullable-added info',
      'id constraint-narrowed breaking',
    ]);
  });

  it('refuses a request newly wrapped in a oneOf only when two members may match one value', () => {
    const base = { type: 'object', required: ['kind'], properties: { kind: str } };
    const member = (kind: string) => ({
      type: 'object',
      required: ['kind'],
      properties: { kind: { const: kind } },
    });
    expect(graded('request', base, { oneOf: [member('a'), member('b')] })).not.toContainEqual(
      expect.stringContaining('one-of-overlapping'),
    );
    expect(
      graded('request', base, { oneOf: [member('a'), { type: 'object', required: ['kind'] }] }),
    ).toContainEqual('. one-of-overlapping breaking');
    const tagged = { oneOf: [member('a'), { type: 'object' }], discriminator: { propertyName: 'kind' } };
    expect(graded('request', base, tagged)).not.toContainEqual(expect.stringContaining('one-of-overlapping'));
  });

  it('grades 2020-12 keywords by the way they move accepted values', () => {
    const arr = { type: 'array', items: { type: 'integer' } };
    expect(graded('request', arr, { ...arr, contains: { minimum: 3 } })).toEqual([
      '. keyword-added breaking',
    ]);
    expect(
      graded('request', { ...arr, contains: { minimum: 3 } }, { ...arr, contains: { minimum: 5 } }),
    ).toEqual(['(contains) constraint-narrowed breaking']);
    expect(graded('response', { ...arr, contains: { minimum: 3 } }, arr)).toEqual([
      '. keyword-removed breaking',
    ]);
    const obj = { type: 'object', dependentRequired: { a: ['b'] } };
    expect(graded('request', obj, { type: 'object', dependentRequired: { a: ['b', 'c'] } })).toEqual([
      '. dependent-required-added breaking',
    ]);
    expect(
      graded(
        'request',
        { type: 'object', if: { required: ['a'] } },
        { type: 'object', if: { required: ['b'] } },
      ),
    ).toEqual(['. keyword-changed breaking']);
  });

  it('grades loosened bounds breaking in responses only, and a changed pattern as a warning', () => {
    const s = (extra: Json) => ({ type: 'string', ...extra });
    expect(graded('response', s({ maxLength: 10 }), s({ maxLength: 20 }))).toEqual([
      '. constraint-widened breaking',
    ]);
    expect(graded('request', s({ maxLength: 10 }), s({ maxLength: 20 }))).toEqual([
      '. constraint-widened info',
    ]);
    expect(graded('request', s({}), s({ maxLength: 20 }))).toEqual(['. constraint-added warning']);
    expect(graded('request', s({ pattern: '^a' }), s({ pattern: '^b' }))).toEqual([
      '. pattern-changed warning',
    ]);
    expect(graded('request', s({ pattern: '^a' }), s({ pattern: '.*' }))).toEqual(['. pattern-removed info']);
    expect(graded('response', s({ pattern: '^a' }), s({}))).toEqual(['. pattern-removed info']);
  });
});
