import { createRequire } from 'node:module';
import type { OpenAPI3, scanDiscriminators as scanDiscriminatorsType } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { typesInput } from '../../../lib/codegen/types-input.js';

const { scanDiscriminators } = createRequire(import.meta.url)('openapi-typescript') as {
  scanDiscriminators: typeof scanDiscriminatorsType;
};

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

  it('copies what it changes and what openapi-typescript patches, and shares the rest with the bundle', () => {
    const before = structuredClone(doc);
    const input = typesInput(doc);
    // openapi-typescript adds the discriminator property to Cat, in place.
    scanDiscriminators(input as unknown as OpenAPI3, { silent: true });
    const cat = (input.components as { schemas: { Cat: Record<string, unknown> } }).schemas.Cat;
    expect(cat.properties).toBeDefined();
    expect(doc).toEqual(before);
    expect(input.paths).toBe(doc.paths);
  });

  it('types an event stream by its x-event-schema, unless the mapping points through a dropped extension', () => {
    const stream = {
      openapi: '3.1.0',
      'x-refs': { one: { $ref: './notes.md' }, Shape: { type: 'object' } },
      paths: {
        '/events': {
          get: {
            responses: {
              '200': {
                description: 'events',
                content: {
                  'text/event-stream': {
                    schema: { type: 'string' },
                    'x-event-schema': { $ref: '#/components/schemas/Tick' },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Tick: { type: 'object', properties: { n: { type: 'integer' } } },
          Any: {
            oneOf: [{ $ref: '#/components/schemas/Tick' }],
            discriminator: {
              propertyName: 'kind',
              mapping: { tick: '#/components/schemas/Tick', ext: '#/x-refs/Shape' },
            },
          },
        },
      },
    };
    const before = structuredClone(stream);
    const input = typesInput(stream) as typeof stream;
    const media = input.paths['/events'].get.responses['200'].content['text/event-stream'];
    expect(media.schema).toEqual({ $ref: '#/components/schemas/Tick' });
    expect(input.components.schemas.Any.discriminator.mapping).toEqual({ tick: '#/components/schemas/Tick' });
    expect(stream).toEqual(before);
  });
});
