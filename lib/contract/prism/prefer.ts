/** A Prism scenario: which documented response to answer with, and how to fill it. */
export interface PrismScenario {
  /** The documented status to answer with, e.g. 404. */
  code?: number;
  /** The name of the example (under `examples:`) to answer with. */
  example?: string;
  /** Generate the body from the schema instead of using an example. */
  dynamic?: boolean;
  /** Seed for `dynamic`, so the generated body is the same on every run. */
  seed?: string;
}

/**
 * The `Prefer` header that selects `scenario` from a Prism mock, for a generated client's `headers` option
 * (per call or per client): `prefer({ code: 404 })` → `{ Prefer: 'code=404' }`. An empty scenario gives `{}`.
 */
export function prefer(scenario: PrismScenario): Record<string, string> {
  const parts: string[] = [];
  if (scenario.code !== undefined) parts.push(`code=${scenario.code}`);
  if (scenario.example !== undefined) parts.push(`example=${scenario.example}`);
  if (scenario.dynamic !== undefined) parts.push(`dynamic=${scenario.dynamic}`);
  if (scenario.seed !== undefined) parts.push(`seed=${scenario.seed}`);
  return parts.length === 0 ? {} : { Prefer: parts.join(', ') };
}

/** `Prefer: code=<status>`: answer with that documented status (and its example). */
export const preferCode = (code: number): Record<string, string> => prefer({ code });

/** `Prefer: example=<name>`, optionally with `code=<status>` to pick the example of an error status. */
export const preferExample = (example: string, code?: number): Record<string, string> =>
  prefer(code === undefined ? { example } : { code, example });

/** `Prefer: dynamic=true`: a body generated from the schema (seeded when `seed` is given). */
export const preferDynamic = (seed?: string): Record<string, string> =>
  prefer(seed === undefined ? { dynamic: true } : { dynamic: true, seed });
