import { describe, expect, it } from 'vitest';
import { typesInput } from '../../../lib/codegen/types-input.js';

describe('typesInput (what openapi-typescript reads)', () => {
  const doc = {
    openapi: '3.1.0',
    'x-topics': [{ content: { $ref: './notes.md' } }],
    'x-logo': { url: 'logo.png' },
    paths: {
      '/subscriptions': {
        post: {
          operationId: 'subscribe',
          callbacks: { onEvent: { '{$request.body#/url}': { post: { operationId: 'deliver' } } } },
        },
      },
    },
    components: {
      schemas: {
        Cat: { type: 'object' },
        Pet: {
          oneOf: [{ $ref: '#/components/schemas/Cat' }],
          discriminator: {
            propertyName: 'kind',
            mapping: {
              cat: '#/components/schemas/Cat',
              tabby: 'Cat',
              dog: 'models/dog.yml',
              fox: '#/fox_from_another_file',
            },
          },
        },
      },
    },
  };

  it('drops extensions holding a $ref, keeps other extensions and leaves the bundle as it was', () => {
    const input = typesInput(doc);
    expect(input['x-topics']).toBeUndefined();
    expect(input['x-logo']).toEqual({ url: 'logo.png' });
    expect(doc['x-topics']).toHaveLength(1);
  });

  it('keeps mapping values that resolve, turns a schema name into its ref, drops the rest', () => {
    const pet = (typesInput(doc).components as { schemas: { Pet: { discriminator: unknown } } }).schemas.Pet;
    expect(pet.discriminator).toEqual({
      propertyName: 'kind',
      mapping: { cat: '#/components/schemas/Cat', tabby: '#/components/schemas/Cat' },
    });
  });

  it('adds each callback as a webhook named <operationId>.<callback>', () => {
    expect(typesInput(doc).webhooks).toEqual({ 'subscribe.onEvent': { post: { operationId: 'deliver' } } });
  });
});
