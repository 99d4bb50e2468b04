/** Small readers for parsed YAML nodes, which may hold anything a spec author wrote. */

import { mediaEssence } from '../../client/media-type.js';

/** A parsed YAML mapping. */
export type YamlMap = Record<string, unknown>;

/** True for a YAML mapping (not null, not a sequence). */
export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node as a mapping, or an empty one when it is something else. */
export function asMap(value: unknown): YamlMap {
  return isMap(value) ? value : {};
}

/** True for an integer within `[min, max]`. */
export function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** The `type` keyword of a schema as a list (`type: [string, 'null']` and `type: string` alike). */
export function schemaTypes(schema: YamlMap): string[] {
  const { type } = schema;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

/** True for `application/json` and structured `+json` media types, ignoring parameters. */
export function isJsonMediaType(mediaType: string): boolean {
  const essence = mediaEssence(mediaType);
  return essence === 'application/json' || essence.endsWith('+json');
}

/** `GET /internal/users/{uid}`: how messages name an operation. */
export function operationLabel(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}
