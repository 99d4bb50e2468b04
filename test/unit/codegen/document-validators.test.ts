import { describe, expect, it } from 'vitest';
import { documentValidator } from '../../../lib/codegen/document-validators.js';

type Json = Record<string, unknown>;

describe('documentValidator', () => {
  const doc: Json = {
    openapi: '3.1.0',
    components: {
      schemas: { Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
      parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 10 } } },
    },
  };

  it('compiles schemas that differ only in what conversion drops once', () => {
    const validator = documentValidator(doc);
    const a = validator({ type: 'string', description: 'a name', example: 'x' }, 'strict');
    const b = validator({ type: 'string', title: 'Other' }, 'strict');
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(validator({ type: 'string' }, 'coercing')).not.toBe(a);
  });

  it('validates against component schemas and, when referred to, the rest of the document', () => {
    const validator = documentValidator(doc);
    const pet = validator({ $ref: '#/components/schemas/Pet' }, 'strict');
    expect(pet?.({ name: 'Rex' })).toBe(true);
    expect(pet?.({})).toBe(false);
    const limit = validator({ $ref: '#/components/parameters/Limit/schema' }, 'strict');
    expect(limit?.(5)).toBe(true);
    expect(limit?.(11)).toBe(false);
  });

  it('gives no validator for a ref that resolves to nothing', () => {
    expect(documentValidator(doc)({ $ref: '#/components/schemas/Missing' }, 'strict')).toBeUndefined();
  });
});
