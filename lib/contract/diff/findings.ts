import { type Direction, type Effect, type RawChange, severityFor } from './change.js';
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

/** Turns schema findings into changes, deciding by direction how much each matters. */
export function toChanges(scope: SchemaScope, findings: readonly SchemaFinding[]): RawChange[] {
  return findings.map((f) => {
    const severity = severityFor(f.effect, scope.direction, f.doubtful === true);
    return {
      operation: scope.operation,
      kind: `${scope.kindPrefix}-${f.kind}`,
      message:
        f.path.length === 0
          ? `${scope.where} ${f.detail}`
          : `${scope.where} field '${formatPath(f.path)}' ${f.detail}`,
      breaking: severity === 'breaking',
      severity,
      reason: SPECIFIC[`${scope.direction} ${f.kind}`] ?? reasonFor(f.effect, scope.direction, severity),
      at: f.at,
      ...(f.baseAt === undefined ? {} : { baseAt: f.baseAt }),
    };
  });
}

/** Reasons that say more than the direction of the change, by `<direction> <finding kind>`. */
const SPECIFIC: Record<string, string> = {
  'response property-removed': 'consumers reading the field no longer get it',
  'response property-made-optional': 'consumers reading the field may not get it',
  'response nullable-added': 'consumers may receive null where they expect a value',
  'response enum-value-added': 'a consumer switching over the known values may meet one it does not know',
  'request required-property-added': 'clients that do not send the field are refused',
  'request property-made-required': 'clients that do not send the field are refused',
  'request property-removed': 'clients still send the field; the provider may now ignore or refuse it',
  'request one-of-overlapping': 'a value matching more than one member fails oneOf and is refused',
  'request pattern-changed': 'values matching the old pattern may not match the new one',
};

/** Why a schema change has its severity, from which way it moves the accepted values. */
function reasonFor(effect: Effect, direction: Direction, severity: string): string {
  const reader = direction === 'request' ? 'the provider' : 'a consumer';
  if (severity === 'warning') {
    return direction === 'request'
      ? 'a value a client sends today may be refused, depending on the value'
      : 'a consumer relying on the old shape may be surprised, depending on how it reads';
  }
  if (effect === 'neutral') return 'no value changes its validity';
  if (severity === 'info') {
    return direction === 'request'
      ? 'the provider accepts everything it accepted before'
      : 'responses only hold values consumers already handle';
  }
  return direction === 'request'
    ? `a value a client sends today may be refused by ${reader}`
    : `${reader} may receive a value it does not expect`;
}

/** `['user', 'tags', '[]', 'id']` → `user.tags[].id`. */
export function formatPath(path: readonly string[]): string {
  let out = '';
  for (const segment of path) out += segment === '[]' || out === '' ? segment : `.${segment}`;
  return out;
}
