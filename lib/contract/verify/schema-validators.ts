import type { Options, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** Compiles JSON Schemas (2020-12, the OpenAPI 3.1 dialect) the way a Switchboard server validates. */
export interface SchemaValidators {
  /** No coercion, unknown properties kept: for bodies and responses. */
  strict(schema: unknown): ValidateFunction;
  /** Scalars coerced from strings: for path, query and header values. */
  coercing(schema: unknown): ValidateFunction;
}

/** Parameter values as sent on the wire, keyed by name as the server sees it (header names lower-cased). */
export interface ParamValues {
  path: Record<string, string>;
  query: Record<string, string | string[]>;
  header: Record<string, string>;
}

/**
 * One Ajv 2020 with ajv-formats (full mode) as a Switchboard server validates: no coercion for bodies and
 * responses, `'array'` for path, query and header values. `overrides` are Ajv options that change neither
 * (such as `logger: false`); default none.
 */
export function createAjv(coerceTypes: false | 'array', overrides: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    ...overrides,
    allErrors: false,
    strict: false,
    removeAdditional: false,
    coerceTypes,
  });
  addFormats.default(ajv);
  return ajv;
}

/** Two Ajv 2020 instances from createAjv, compiled schemas cached by content. */
export function createSchemaValidators(): SchemaValidators {
  const strictAjv = createAjv(false);
  const coercingAjv = createAjv('array');
  const cache = (ajv: Ajv2020) => {
    const compiled = new Map<string, ValidateFunction>();
    return (schema: unknown) => {
      const key = JSON.stringify(schema);
      let fn = compiled.get(key);
      if (fn === undefined) {
        fn = ajv.compile(schema as object);
        compiled.set(key, fn);
      }
      return fn;
    };
  };
  return { strict: cache(strictAjv), coercing: cache(coercingAjv) };
}

/**
 * A check of path, query and header values against their parameter schemas, built as the generated route
 * table builds them: path and query objects closed, headers open, values coerced from strings.
 */
export function paramValidator(
  params: readonly { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: unknown }[],
  validators: SchemaValidators,
): (values: ParamValues) => boolean {
  const parts = (['path', 'query', 'header'] as const).map((where) => {
    const own = params.filter((p) => p.in === where);
    const required = own.filter((p) => p.required).map((p) => p.name);
    const validate = validators.coercing({
      type: 'object',
      properties: Object.fromEntries(own.map((p) => [p.name, p.schema])),
      ...(required.length === 0 ? {} : { required }),
      ...(where === 'header' ? {} : { additionalProperties: false }),
    });
    return { where, validate };
  });
  return (values) => parts.every(({ where, validate }) => validate(structuredClone(values[where])));
}
