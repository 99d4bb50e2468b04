import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { syntheticCommon } from './synthetic-common.js';
import { object, type SyntheticResource, syntheticResource } from './synthetic-resource.js';

/** Resource nouns of every synthetic spec; odd ones are nested under an owner (two path parameters). */
const NOUNS = ['widget', 'gadget', 'order', 'invoice'] as const;

/** Operations per synthetic spec: five per resource. */
export const OPERATIONS_PER_SPEC = NOUNS.length * 5;

/**
 * The synthetic service spec number `index` (`svc-0001`, ...): valid OpenAPI 3.1 with
 * {@link OPERATIONS_PER_SPEC} operations (GET/POST/PUT/DELETE, path and query parameters, JSON bodies whose
 * schemas `$ref` components, 200/201/204/404 responses with examples), following the house conventions.
 * Deterministic: the same index always gives the same document.
 */
export function syntheticSpec(index: number): Record<string, unknown> {
  const id = String(index).padStart(4, '0');
  const prefix = `svc${id}`;
  const resources: SyntheticResource[] = NOUNS.map((noun, i) => syntheticResource(prefix, noun, i % 2 === 1));
  const merge = (pick: (r: SyntheticResource) => Record<string, unknown>) =>
    Object.assign({}, ...resources.map(pick)) as Record<string, unknown>;
  return {
    openapi: '3.1.0',
    info: { title: `svc-${id}`, version: '1.0.0', description: `Synthetic benchmark service ${id}.` },
    tags: [{ name: prefix }],
    paths: merge((r) => r.paths),
    components: {
      securitySchemes: { InternalAuth: { $ref: './common.yaml#/components/securitySchemes/InternalAuth' } },
      parameters: {
        ...merge((r) => r.parameters),
        OwnerId: { name: 'ownerId', in: 'path', required: true, schema: { $ref: '#/components/schemas/Id' } },
        Limit: {
          name: 'limit',
          in: 'query',
          required: false,
          schema: { type: 'integer', minimum: 1, maximum: 100 },
        },
        Cursor: { name: 'cursor', in: 'query', required: false, schema: { type: 'string', maxLength: 64 } },
      },
      schemas: {
        ...merge((r) => r.schemas),
        Id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
        Status: { type: 'string', enum: ['active', 'archived'] },
        Audit: object(['createdAt', 'updatedAt'], {
          createdAt: { type: 'string', format: 'date-time', maxLength: 64 },
          updatedAt: { type: 'string', format: 'date-time', maxLength: 64 },
        }),
      },
    },
  };
}

/**
 * Writes `common.yaml` and `count` synthetic service specs (`svc-0001.yaml`, ...) into `dir` (created when
 * missing) and returns the service spec paths.
 */
export function writeSyntheticCorpus(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'common.yaml'), stringify(syntheticCommon()));
  const paths: string[] = [];
  for (let i = 1; i <= count; i++) {
    const path = join(dir, `svc-${String(i).padStart(4, '0')}.yaml`);
    writeFileSync(path, stringify(syntheticSpec(i), { aliasDuplicateObjects: false }));
    paths.push(path);
  }
  return paths;
}
