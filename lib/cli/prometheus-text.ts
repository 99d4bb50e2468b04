/** One sample of the Prometheus text exposition format: `name{label="value",…} value [timestamp]`. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A line of Prometheus text that is not a comment, a blank or a well-formed sample. */
export class PrometheusTextError extends Error {}

const NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;

/**
 * The samples of a Prometheus text exposition (format 0.0.4). Label values are read as quoted strings with
 * the `\"`, `\\` and `\n` escapes, so values holding `{`, `}`, `,` or `=` (path templates) are kept whole.
 * Throws {@link PrometheusTextError} naming the line of the first malformed sample.
 */
export function parsePrometheusText(text: string): PrometheusSample[] {
  const samples: PrometheusSample[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    try {
      samples.push(parseSample(line));
    } catch (error) {
      if (!(error instanceof PrometheusTextError)) throw error;
      throw new PrometheusTextError(`line ${i + 1}: ${error.message}: ${line.slice(0, 120)}`);
    }
  }
  return samples;
}

function parseSample(line: string): PrometheusSample {
  let at = 0;
  const name = match(NAME, line, at, 'a metric name');
  at += name.length;
  const labels: Record<string, string> = {};
  at = skipSpaces(line, at);
  if (line[at] === '{') {
    at = skipSpaces(line, at + 1);
    while (line[at] !== '}') {
      const label = match(LABEL_NAME, line, at, 'a label name');
      at = skipSpaces(line, at + label.length);
      if (line[at] !== '=') throw new PrometheusTextError(`expected '=' after label ${label}`);
      at = skipSpaces(line, at + 1);
      const quoted = readQuoted(line, at);
      labels[label] = quoted.value;
      at = skipSpaces(line, quoted.end);
      if (line[at] === ',') at = skipSpaces(line, at + 1);
      else if (line[at] !== '}') throw new PrometheusTextError(`expected ',' or '}' after label ${label}`);
    }
    at += 1;
  }
  const [value, timestamp, extra] = line.slice(at).trim().split(/\s+/);
  if (
    value === undefined ||
    value === '' ||
    extra !== undefined ||
    (timestamp !== undefined && !/^-?\d+$/.test(timestamp))
  )
    throw new PrometheusTextError('expected a value and an optional timestamp');
  return { name, labels, value: parseValue(value) };
}

function match(pattern: RegExp, line: string, at: number, what: string): string {
  pattern.lastIndex = at;
  const found = pattern.exec(line);
  if (found === null) throw new PrometheusTextError(`expected ${what} at column ${at + 1}`);
  return found[0];
}

function skipSpaces(line: string, at: number): number {
  while (line[at] === ' ' || line[at] === '\t') at++;
  return at;
}

function readQuoted(line: string, at: number): { value: string; end: number } {
  if (line[at] !== '"') throw new PrometheusTextError(`expected '"' at column ${at + 1}`);
  let value = '';
  for (let i = at + 1; i < line.length; i++) {
    const c = line[i] as string;
    if (c === '"') return { value, end: i + 1 };
    if (c !== '\\') {
      value += c;
      continue;
    }
    const next = line[++i];
    if (next === 'n') value += '\n';
    else if (next === '"' || next === '\\') value += next;
    else value += `\\${next ?? ''}`;
  }
  throw new PrometheusTextError('unterminated label value');
}

function parseValue(raw: string): number {
  if (raw === '+Inf' || raw === 'Inf') return Number.POSITIVE_INFINITY;
  if (raw === '-Inf') return Number.NEGATIVE_INFINITY;
  if (raw === 'NaN') return Number.NaN;
  const value = Number(raw);
  if (Number.isNaN(value)) throw new PrometheusTextError(`'${raw}' is not a number`);
  return value;
}

/**
 * The value at quantile `q` (0…1) of a histogram from its cumulative buckets (`le` bounds, one of them
 * +Inf), interpolated linearly within the bucket the rank falls in, as Prometheus' `histogram_quantile`
 * does. NaN without observations or without a +Inf bucket.
 */
export function histogramQuantile(q: number, buckets: ReadonlyArray<{ le: number; count: number }>): number {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const last = sorted.length - 1;
  if (sorted.length < 2 || sorted[last]?.le !== Number.POSITIVE_INFINITY) return Number.NaN;
  // Summed or differenced counts can dip from one bucket to the next; Prometheus evens them out the same way.
  const counts: number[] = [];
  for (const b of sorted) counts.push(Math.max(counts.at(-1) ?? 0, b.count));
  const total = counts[last] as number;
  if (total === 0) return Number.NaN;
  let rank = q * total;
  const b = counts.findIndex((c) => c >= rank);
  if (b === last) return (sorted[last - 1] as { le: number }).le;
  const end = (sorted[b] as { le: number }).le;
  if (b === 0) return end <= 0 ? end : end * (rank / (counts[0] as number));
  const start = (sorted[b - 1] as { le: number }).le;
  const below = counts[b - 1] as number;
  rank -= below;
  return start + (end - start) * (rank / ((counts[b] as number) - below));
}
