const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const SKIP = new Set(['level', 'time', 'pid', 'hostname', 'service', 'msg', 'reqId']);

/** One service log line for the terminal: `[service] LEVEL message key=value…`; non-JSON lines as they are. */
export function formatLogLine(service: string, line: string): string {
  const prefix = `[${service}]`.padEnd(19);
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `${prefix} ${line}`;
  }
  const level = LEVELS[Number(entry.level)] ?? String(entry.level ?? '');
  const extra = Object.entries(entry)
    .filter(([k]) => !SKIP.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return `${prefix} ${level.padEnd(5)} ${String(entry.msg ?? '')}${extra === '' ? '' : ` ${extra}`}`;
}
