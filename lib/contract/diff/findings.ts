import { breaks, type Direction, type RawChange } from './change.js';
import type { SchemaFinding } from './schema-context.js';

/** Where a schema sits in an operation, for messages and kinds. */
export interface SchemaScope {
  operation: string;
  direction: Direction;
  /** Prefix of the change kind: `request-body`, `parameter`, `response`, `response-header`. */
  kindPrefix: string;
  /** Prefix of the message: `request body`, `query parameter 'limit'`, `response 200`. */
  where: string;
}

/** Turns schema findings into changes, deciding by direction whether each breaks. */
export function toChanges(scope: SchemaScope, findings: readonly SchemaFinding[]): RawChange[] {
  return findings.map((f) => ({
    operation: scope.operation,
    kind: `${scope.kindPrefix}-${f.kind}`,
    message:
      f.path.length === 0
        ? `${scope.where} ${f.detail}`
        : `${scope.where} field '${formatPath(f.path)}' ${f.detail}`,
    breaking: breaks(f.effect, scope.direction),
    at: f.at,
  }));
}

/** `['user', 'tags', '[]', 'id']` → `user.tags[].id`. */
export function formatPath(path: readonly string[]): string {
  let out = '';
  for (const segment of path) out += segment === '[]' || out === '' ? segment : `.${segment}`;
  return out;
}
