import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';

/** GNU time: reports the child's peak RSS (`ru_maxrss` from `wait4`) without touching the child. */
const GNU_TIME = '/usr/bin/time';
/** How often the fallback reads `/proc/<pid>/status`. */
const POLL_MS = 20;

/** One process to run to completion: `command args...` from `cwd`. */
export interface MeasuredCommand {
  command: string;
  args: string[];
  cwd: string;
  /** Receives the child's stdout and stderr, interleaved; read it afterwards. */
  logFile: string;
  /** Kill the child's whole process group after this long and report `timedOut`. */
  timeoutMs: number;
}

/** What one run cost. Never throws for a failing child: the caller decides what a failure means. */
export interface MeasuredRun {
  /** The child's exit code; null when it was killed by a signal (a timeout, the OOM killer). */
  exitCode: number | null;
  timedOut: boolean;
  /** Wall time, spawn to exit. */
  seconds: number;
  /** Peak resident set size in bytes; null where neither GNU time nor `/proc` exists. */
  peakRssBytes: number | null;
  /** `/usr/bin/time` (exact) or `/proc VmHWM` (polled every 20 ms; misses growth in the last interval). */
  rssSource: string;
}

/**
 * Runs `cmd` and measures its wall time and the peak RSS of the child process itself (not of this process).
 * The child gets its own process group, so a timeout also ends what it started (GNU time's child included).
 */
export async function measuredRun(cmd: MeasuredCommand): Promise<MeasuredRun> {
  const viaTime = existsSync(GNU_TIME);
  const stats = `${cmd.logFile}.rss`;
  const [file, args] = viaTime
    ? [GNU_TIME, ['-f', '%M', '-o', stats, cmd.command, ...cmd.args]]
    : [cmd.command, cmd.args];
  const log = openSync(cmd.logFile, 'w');
  const started = performance.now();
  const child = spawn(file, args, { cwd: cmd.cwd, stdio: ['ignore', log, log], detached: true });
  closeSync(log);
  let timedOut = false;
  const polled = { kb: null as number | null };
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group exited just now
    }
  }, cmd.timeoutMs);
  const poller = viaTime
    ? undefined
    : setInterval(() => {
        const kb = vmHwmKb(child.pid);
        if (kb !== null) polled.kb = Math.max(polled.kb ?? 0, kb);
      }, POLL_MS);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  }).finally(() => {
    clearTimeout(timer);
    clearInterval(poller);
  });
  const seconds = (performance.now() - started) / 1000;
  const kb = viaTime ? timeMaxRssKb(stats) : polled.kb;
  rmSync(stats, { force: true });
  return {
    exitCode: timedOut ? null : exitCode,
    timedOut,
    seconds,
    peakRssBytes: kb === null ? null : kb * 1024,
    rssSource: viaTime ? GNU_TIME : '/proc VmHWM',
  };
}

/** GNU time's `%M` (kilobytes); its file ends with that line, after a "terminated by signal" line if any. */
function timeMaxRssKb(path: string): number | null {
  if (!existsSync(path)) return null; // GNU time itself was killed (timeout)
  const last = readFileSync(path, 'utf8').trim().split('\n').at(-1) ?? '';
  const kb = Number.parseInt(last, 10);
  return Number.isFinite(kb) && kb > 0 ? kb : null;
}

function vmHwmKb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? null : Number(match[1]);
  } catch {
    return null; // exited between polls, or no /proc
  }
}

/** Bytes as mebibytes with one decimal, for rows a reader scans. */
export function toMb(bytes: number | null): number | null {
  return bytes === null ? null : Math.round((bytes / 1024 / 1024) * 10) / 10;
}
