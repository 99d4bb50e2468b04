/** Which side of a call reads a schema: the provider validates requests, the consumer reads responses. */
export type Direction = 'request' | 'response';

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

/** A path inside the bundled head document (or the base one for a deleted spec), for file:line. */
export type Segments = readonly (string | number)[];

/** One difference between two versions of a service's contract. */
export interface Change {
  /** The service, named after its spec file (`user-service`). */
  service: string;
  /** `GET /internal/users/{uid}/llm-keys`, or '' for a change to the whole service. */
  operation: string;
  /** A stable kebab-case name of the rule that matched, e.g. `response-property-removed`. */
  kind: string;
  /** What changed, in words: `response 200 field 'google' removed`. */
  message: string;
  breaking: boolean;
  /** The spec file (relative to the working folder) and 1-based line of the head version, when known. */
  file?: string;
  line?: number;
}

/** A change before it is placed in a file: where in the bundled document it was found. */
export interface RawChange {
  operation: string;
  kind: string;
  message: string;
  breaking: boolean;
  /** Segments in the head bundle; undefined when the change has no head location. */
  at: Segments | undefined;
}

/** The verdict of a diff: breaking changes, compatible ones, and breaking ones a major version bump allows. */
export interface DiffReport {
  breaking: Change[];
  compatible: Change[];
  allowed: Change[];
  /** Services compared (present on either side). */
  services: number;
}
