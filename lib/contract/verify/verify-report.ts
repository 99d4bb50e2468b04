import type { CaseKind } from './request-case.js';

/** One answer that broke the contract, with a command that reproduces it. */
export interface Violation {
  operationId: string;
  kind: CaseKind;
  /** What the case was, e.g. `valid`, `drop-required at body/email`, `wrong credentials: random (example)`. */
  case: string;
  /** The status received; undefined when no answer came. */
  status: number | undefined;
  reasons: string[];
  /** A curl command that sends the same request (secrets as `${VARIABLE}` references). */
  curl: string;
}

/** What happened to one operation. */
export interface OperationReport {
  operationId: string;
  method: string;
  path: string;
  cases: number;
  /** Cases per kind. */
  kinds: Partial<Record<CaseKind, number>>;
  /** Answers per status (`'no answer'` for transport failures), in status order. */
  statuses: Record<string, number>;
  /** The first violations (up to `maxViolationsPerOperation`); `violationCount` has them all. */
  violations: Violation[];
  violationCount: number;
  /** What could not be checked as planned (e.g. an invalid spec example, missing credentials). */
  notes: string[];
  durationMs: number;
}

/** The outcome of `verifyProvider`. */
export interface VerifyReport {
  spec: string;
  title: string;
  baseUrl: string;
  /** The seed to pass again to replay exactly the same requests. */
  seed: string;
  casesPerOperation: number;
  operations: OperationReport[];
  cases: number;
  violations: number;
  durationMs: number;
  casesPerSecond: number;
  /** Formats the spec names that the validator does not know (`snowflake`, `uint32`): not checked. */
  uncheckedFormats: string[];
  /** True when no operation had a violation. */
  ok: boolean;
}
