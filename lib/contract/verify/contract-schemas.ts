import { resolve } from 'node:path';
import { RecursiveSchemaError, toJsonSchema } from '../../codegen/json-schema.js';
import { shareSchemas } from '../../codegen/shared-schemas.js';
import type { SchemaValidators } from './schema-validators.js';
import { VerifyInputError } from './verify-input-error.js';

type Json = Record<string, unknown>;

/** The schemas of one spec in the two forms verification needs. */
export interface ContractSchemas {
  /**
   * To validate with, exactly as a generated server does: component schemas referred to by `$id` and shared
   * with the validators on first use, so recursive ones validate at any depth.
   */
  exact(schema: unknown): unknown;
  /** To generate values from: refs inlined, a ref back into a schema being inlined cut off (`false`). */
  finite(schema: unknown): unknown;
}

/**
 * The ContractSchemas of the bundled document `doc` of the spec at `specPath`. Throws VerifyInputError for a
 * schema that refers to itself other than through a component schema.
 */
export function contractSchemas(specPath: string, doc: Json, validators: SchemaValidators): ContractSchemas {
  // Namespaced by the spec's path: one SchemaValidators may serve several specs.
  const sharing = shareSchemas(resolve(specPath), doc);
  return {
    exact: (schema) => {
      try {
        const converted = sharing.convert(schema);
        validators.share(sharing.schemasFor(converted));
        return converted;
      } catch (error) {
        if (!(error instanceof RecursiveSchemaError)) throw error;
        throw new VerifyInputError(`cannot verify against ${specPath}: ${error.message}`, [
          `${error.ref} refers to itself without passing through a component schema`,
        ]);
      }
    },
    finite: (schema) => toJsonSchema(schema, doc, [], 'bounded'),
  };
}
