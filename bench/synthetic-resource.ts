type Json = Record<string, unknown>;

/** One CRUD resource of a synthetic spec: five operations and the four component schemas they use. */
export interface SyntheticResource {
  paths: Record<string, Json>;
  schemas: Record<string, Json>;
  parameters: Record<string, Json>;
}

const COMMON = './common.yaml#/components/responses';
const ref = (to: string) => ({ $ref: to });
const json = (schema: Json, example: unknown) => ({ 'application/json': { schema, example } });
const security = [{ InternalAuth: [] }];

/**
 * A resource named `noun` (e.g. `widget`) under `/internal/<prefix>/`: list (GET with query parameters),
 * create (POST, JSON body, 201), read (GET), replace (PUT, JSON body) and delete (DELETE, 204). When
 * `owned`, the collection sits under `/owners/{ownerId}/`, so its item routes carry two path parameters.
 */
export function syntheticResource(prefix: string, noun: string, owned: boolean): SyntheticResource {
  const Type = noun[0]?.toUpperCase() + noun.slice(1);
  const idParam = `${Type}Id`;
  const collection = `/internal/${prefix}${owned ? '/owners/{ownerId}' : ''}/${noun}s`;
  const item = `${collection}/{${noun}Id}`;
  const pathParams = [
    ...(owned ? [ref('#/components/parameters/OwnerId')] : []),
    ref(`#/components/parameters/${idParam}`),
  ];
  const sample = {
    id: `${noun}_0001`,
    name: `First ${noun}`,
    status: 'active',
    tags: ['blue'],
    audit: AUDIT_EXAMPLE,
  };
  const op = (id: string, summary: string, extra: Json, ok: Json) => ({
    operationId: id,
    summary,
    tags: [prefix],
    security,
    ...extra,
    responses: { ...ok, '401': ref(`${COMMON}/Unauthorized`) },
  });
  const found = { '404': ref(`${COMMON}/NotFound`) };
  const body = (schema: string) => ({
    requestBody: {
      required: true,
      content: json(ref(`#/components/schemas/${schema}`), { name: sample.name, tags: sample.tags }),
    },
  });
  const one = (description: string) => ({
    description,
    content: json(ref(`#/components/schemas/${Type}`), sample),
  });
  return {
    paths: {
      [collection]: {
        ...(owned ? { parameters: [ref('#/components/parameters/OwnerId')] } : {}),
        get: op(
          `list${Type}s`,
          `List ${noun}s`,
          {
            parameters: [
              ref('#/components/parameters/Limit'),
              ref('#/components/parameters/Cursor'),
              STATUS_QUERY,
            ],
          },
          {
            '200': {
              description: `A page of ${noun}s.`,
              content: json(ref(`#/components/schemas/${Type}Page`), { items: [sample], nextCursor: null }),
            },
          },
        ),
        post: op(`create${Type}`, `Create a ${noun}`, body(`${Type}Input`), {
          '201': one(`The created ${noun}.`),
          '400': ref(`${COMMON}/BadRequest`),
        }),
      },
      [item]: {
        parameters: pathParams,
        get: op(`get${Type}`, `Get a ${noun}`, {}, { '200': one(`The ${noun}.`), ...found }),
        put: op(`replace${Type}`, `Replace a ${noun}`, body(`${Type}Input`), {
          '200': one(`The replaced ${noun}.`),
          '400': ref(`${COMMON}/BadRequest`),
          ...found,
        }),
        delete: op(`delete${Type}`, `Delete a ${noun}`, {}, { '204': { description: 'Deleted.' }, ...found }),
      },
    },
    parameters: {
      [idParam]: { name: `${noun}Id`, in: 'path', required: true, schema: ref('#/components/schemas/Id') },
    },
    schemas: {
      [Type]: object(['id', 'name', 'status', 'tags', 'audit'], {
        id: ref('#/components/schemas/Id'),
        name: { type: 'string', minLength: 1, maxLength: 100 },
        status: ref('#/components/schemas/Status'),
        tags: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 32 } },
        audit: ref('#/components/schemas/Audit'),
      }),
      [`${Type}Input`]: object(['name'], {
        name: { type: 'string', minLength: 1, maxLength: 100 },
        tags: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 32 } },
      }),
      [`${Type}Page`]: object(['items', 'nextCursor'], {
        items: { type: 'array', maxItems: 100, items: ref(`#/components/schemas/${Type}`) },
        nextCursor: { type: ['string', 'null'], maxLength: 64 },
      }),
    },
  };
}

/** A closed object schema. */
export function object(required: string[], properties: Json): Json {
  return { type: 'object', additionalProperties: false, required, properties };
}

export const AUDIT_EXAMPLE = { createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-02T00:00:00Z' };
const STATUS_QUERY = {
  name: 'status',
  in: 'query',
  required: false,
  schema: ref('#/components/schemas/Status'),
};
