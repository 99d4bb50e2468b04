import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv, unknownFormatLogger } from '../../schema-ajv.js';

/** Compiles JSON Schemas (2020-12, the OpenAPI 3.1 dialect) the way a Switchboard server validates. */
export interface SchemaValidators {
  /** No coercion, unknown properties kept: for bodies and responses. */
  strict(schema: unknown): ValidateFunction;
  /** Scalars coerced from strings: for path, query and header values. */
  coercing(schema: unknown): ValidateFunction;
  /**
   * Makes schemas with an `$id` available to the `$ref`s of schemas compiled afterwards (component schemas
   * shared by reference, recursive ones included). A schema whose id was shared before is skipped.
   */
  share(schemas: readonly { $id: string }[]): void;
  /** Formats the schemas compiled so far name that Ajv does not know, sorted: values in them are not checked. */
  uncheckedFormats(): string[];
}

/** Parameter values as sent on the wire, keyed by name as the server sees it (header names lower-cased). */
export interface ParamValues {
  path: Record<string, string>;
  query: Record<string, string | string[]>;
  header: Record<string, string>;
  cookie: Record<string, string>;
}

/** Two Ajv 2020 instances from createAjv, compiled schemas cached by content. */
export function createSchemaValidators(): SchemaValidators {
  // Listed once in the report instead of Ajv's warning per schema.
  const unknown = new Set<string>();
  const logger = unknownFormatLogger((format) => unknown.add(format));
  const strictAjv = createAjv(false, { logger });
  const coercingAjv = createAjv('array', { logger });
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
  const shared = new Set<string>();
  const share = (schemas: readonly { $id: string }[]) => {
    for (const schema of schemas) {
      if (shared.has(schema.$id)) continue;
      shared.add(schema.$id);
      for (const ajv of [strictAjv, coercingAjv]) ajv.addSchema(schema, undefined, undefined, false);
    }
  };
  return {
    strict: cache(strictAjv),
    coercing: cache(coercingAjv),
    share,
    uncheckedFormats: () => [...unknown].sort(),
  };
}

/**
 * A check of path, query, header and cookie values against their parameter schemas, built as the generated
 * route table builds them: path and query objects closed, headers and cookies open, values coerced from
 * strings.
 */
export function paramValidator(
  params: readonly {
    name: string;
    in: 'path' | 'query' | 'header' | 'cookie';
    required: boolean;
    schema: unknown;
  }[],
  validators: SchemaValidators,
): (values: ParamValues) => boolean {
  const parts = (['path', 'query', 'header', 'cookie'] as const).map((where) => {
    const own = params.filter((p) => p.in === where);
    const required = own.filter((p) => p.required).map((p) => p.name);
    const validate = validators.coercing({
      type: 'object',
      properties: Object.fromEntries(own.map((p) => [p.name, p.schema])),
      ...(required.length === 0 ? {} : { required }),
      ...(where === 'header' || where === 'cookie' ? {} : { additionalProperties: false }),
    });
    return { where, validate };
  });
  return (values) => parts.every(({ where, validate }) => validate(structuredClone(values[where])));
}
