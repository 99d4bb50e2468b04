import type { ParamValues } from './schema-validators.js';

/** Why a case was sent, which decides what answers are acceptable. */
export type CaseKind = 'example' | 'extra' | 'valid' | 'invalid' | 'no-auth' | 'wrong-auth';

/** The credentials a case carries: the configured ones, none, or a wrong value. */
export type CaseAuth =
  | { mode: 'valid' }
  | { mode: 'none' }
  | { mode: 'wrong'; variant: 'random' | 'altered' | 'empty'; random: string };

/** The body a case sends: a JSON value, raw text (e.g. malformed JSON), or nothing. */
export type CaseBody = { json: unknown } | { raw: string } | undefined;

/** One request to send, fully decided before anything is sent (so a seed replays it exactly). */
export interface RequestCase {
  kind: CaseKind;
  /** What the case is, e.g. `example`, `valid`, `pattern at path uid`, `drop-required at body/email`. */
  label: string;
  params: ParamValues;
  body: CaseBody;
  auth: CaseAuth;
  /** Which of the operation's other request media types the body is sent as (`alternatives[i]`); default its first. */
  media?: number;
}

/** A hand-written request to send as well, for behaviour examples and generation cannot reach. */
export interface ExtraCase {
  label?: string;
  path?: Record<string, string>;
  query?: Record<string, string | string[]>;
  /** Header parameters by name (any case). */
  headers?: Record<string, string>;
  body?: unknown;
}
