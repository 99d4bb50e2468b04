/** A range of statuses as the spec writes it: `4XX` covers every 4xx status the operation does not list. */
export type StatusRange = '1XX' | '2XX' | '3XX' | '4XX' | '5XX';

/** A key of an operation's `responses`: one status, a range, or `default` (every status not covered). */
export type ResponseStatus = number | StatusRange | 'default';

/** Reads a `responses` key (`'404'`, `'4XX'`, `'4xx'`, `'default'`); undefined for anything else. */
export function parseStatusKey(key: string): ResponseStatus | undefined {
  if (key === 'default') return 'default';
  if (/^[1-5]\d\d$/.test(key)) return Number(key);
  if (/^[1-5]XX$/i.test(key)) return key.toUpperCase() as StatusRange;
  return undefined;
}

/** The class digit of a range: 4 for `4XX`. */
export function rangeClass(range: StatusRange): number {
  return Number(range[0]);
}

/** Whether `status` counts as a success: a 2xx status or the `2XX` range. */
export function isSuccessStatus(status: ResponseStatus): boolean {
  if (typeof status === 'number') return status >= 200 && status < 300;
  return status === '2XX';
}

/** Sort order of response keys: statuses ascending, then ranges ascending, then `default`. */
export function compareStatus(a: ResponseStatus, b: ResponseStatus): number {
  const rank = (s: ResponseStatus) =>
    typeof s === 'number' ? s : s === 'default' ? 2000 : 1000 + rangeClass(s);
  return rank(a) - rank(b);
}

/**
 * A status a fake or an example answers for `status`: itself, or for a range the lowest status of the range
 * that `listed` does not claim (`2XX` with 200 listed → 201).
 */
export function representativeStatus(status: number | StatusRange, listed: readonly number[]): number {
  if (typeof status === 'number') return status;
  const base = rangeClass(status) * 100;
  for (let s = base; s < base + 100; s++) if (!listed.includes(s)) return s;
  return base;
}
