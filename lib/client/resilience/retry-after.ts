/** Longest Retry-After honoured, in ms; anything longer is treated as this (the deadline still applies). */
const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/** Parses a `Retry-After` header (delay in seconds, or an HTTP date) into ms from `now`; undefined if absent or bad. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}
