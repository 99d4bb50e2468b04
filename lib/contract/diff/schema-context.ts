import { fromPointer } from '../../codegen/spec-error.js';
import { getAt } from '../../codegen/spec-loader.js';
import type { Direction, Effect, Segments } from './change.js';

/** A JSON object as parsed from YAML. */
export type Json = Record<string, unknown>;

/** One difference found inside a schema, relative to the node where the comparison started. */
export interface SchemaFinding {
  /** Field path below the starting node: `['user', 'tags', '[]']`. */
  path: string[];
  /** Kebab-case rule name without the request/response prefix: `property-removed`. */
  kind: string;
  /** The change in words, without the field: `removed`, `maxLength lowered from 50 to 20`. */
  detail: string;
  effect: Effect;
  /** A change that may break, depending on the values sent (oasdiff's WARN): a warning when it would break. */
  doubtful?: boolean;
  /** Where the head schema node is in the head bundle. */
  at: Segments;
  /** Where the base schema node is in the base bundle. */
  baseAt?: Segments;
}

/** The state of one schema comparison: both documents, the direction, and the ref pairs seen so far. */
export interface SchemaContext {
  direction: Direction;
  baseDoc: Json;
  headDoc: Json;
  /**
   * Ref pairs already entered in this walk. Meeting one again (a recursive schema, or a schema used in many
   * places) stops there: its changes were reported at the first place, which has the same head location.
   */
  seen: Set<string>;
  /** Values travel as text (parameters), so a scalar type becoming `string` may still accept what was sent. */
  textual?: boolean;
}

/** A schema node with its `$ref` chain followed (siblings of a `$ref` win), and where it ended up. */
export interface Resolved {
  schema: Json | undefined;
  /** The last `$ref` followed, or undefined for an inline schema. */
  ref: string | undefined;
  at: Segments;
}

/** Follows `$ref`s inside a bundled document (at most 32 hops, so a ref loop cannot hang). */
export function deref(doc: Json, node: unknown, at: Segments): Resolved {
  let schema = node;
  let ref: string | undefined;
  let siblings: Json = {};
  for (let hop = 0; hop < 32 && isJson(schema) && typeof schema.$ref === 'string'; hop++) {
    const { $ref, ...rest } = schema;
    ref = $ref as string;
    siblings = { ...rest, ...siblings };
    at = fromPointer(ref);
    schema = getAt(doc, at);
  }
  if (schema === true) schema = {};
  if (!isJson(schema)) return { schema: undefined, ref, at };
  return { schema: Object.keys(siblings).length > 0 ? { ...schema, ...siblings } : schema, ref, at };
}

/** Whether `value` is a plain (non-array) object. */
export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A new context for comparing schemas read in `direction`. */
export function schemaContext(direction: Direction, baseDoc: Json, headDoc: Json): SchemaContext {
  return { direction, baseDoc, headDoc, seen: new Set() };
}
