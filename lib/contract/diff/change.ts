/** Which side of a call reads a schema: the provider validates requests, the consumer reads responses. */
export type Direction = 'request' | 'response';

/**
 * How much a change matters, as oasdiff grades it: `breaking` (ERR) stops some consumer, `warning` (WARN)
 * may stop one depending on what it sends or how it reads, `info` is compatible.
 */
export type Severity = 'breaking' | 'warning' | 'info';

/** Severities from the most to the least serious. */
export const SEVERITIES: readonly Severity[] = ['breaking', 'warning', 'info'];

/**
 * How a change moves the set of values a schema accepts. `narrowed` breaks requests (a client's value may
 * now be refused), `widened` breaks responses (a consumer may now receive something it cannot handle),
 * `changed` breaks both, `neutral` neither.
 */
export type Effect = 'narrowed' | 'widened' | 'changed' | 'neutral';

/** Whether a change with `effect` breaks a schema read in `direction`. */
export function breaks(effect: Effect, direction: Direction): boolean {
  if (effect === 'changed') return true;
  if (effect === 'neutral') return false;
  return direction === 'request' ? effect === 'narrowed' : effect === 'widened';
}

/**
 * The severity of a schema change with `effect` read in `direction`; `doubtful` changes (oasdiff's WARN:
 * a changed pattern, a removed optional field) that would break are warnings instead.
 */
export function severityFor(effect: Effect, direction: Direction, doubtful = false): Severity {
  if (!breaks(effect, direction)) return 'info';
  return doubtful ? 'warning' : 'breaking';
}

/** A path inside the bundled head document (or the base one for a deleted spec), for file:line. */
export type Segments = readonly (string | number)[];

/** One difference between two versions of a service's contract. */
export interface Change {
  /** The service, named after its spec file (`user-service`). */
  service: string;
  /** `GET /internal/users/{uid}/llm-keys`, or '' for a change to the whole service. */
  operation: string;
  /** The rule id: a stable kebab-case name of the rule that matched, e.g. `response-property-removed`. */
  kind: string;
  /** The generated client method consumers call for `operation` (its base operationId), when it has one. */
  method?: string;
  /** What changed, in words: `response 200 field 'google' removed`. */
  message: string;
  /** Why the change has its severity, in one line: `a consumer reading the field no longer gets it`. */
  reason: string;
  severity: Severity;
  /** `severity === 'breaking'`. */
  breaking: boolean;
  /** The spec file (relative to the working folder) and 1-based line of the head version, when known. */
  file?: string;
  line?: number;
  /** The same for the base version: where the removed or changed thing was. */
  baseFile?: string;
  baseLine?: number;
  /** For a breaking change to an operation: the calls of it in the repository (`file:line`), when scanned. */
  consumers?: string[];
}

/** A change before it is placed in a file: where in the bundled document it was found. */
export interface RawChange {
  operation: string;
  kind: string;
  message: string;
  breaking: boolean;
  /** `warning` for a change that may break (oasdiff's WARN); otherwise `breaking` decides. */
  severity?: Severity;
  /** Why, in one line; when absent the rule table's reason for `kind` is used. */
  reason?: string;
  /** Segments in the head bundle; undefined when the change has no head location. */
  at: Segments | undefined;
  /** Segments in the base bundle, when they differ from `at` (a removed thing); else `at` is looked up there. */
  baseAt?: Segments;
}

/**
 * The verdict of a diff: breaking changes, the others (warnings and info, each with its severity), and
 * breaking ones a major version bump allows.
 */
export interface DiffReport {
  breaking: Change[];
  /** Warnings and info changes: none of them breaks a consumer for certain. */
  compatible: Change[];
  allowed: Change[];
  /** Every change in the order found, whatever its severity. */
  changes: Change[];
  /** Services compared (present on either side). */
  services: number;
}
