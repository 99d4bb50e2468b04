import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Whether load generator and servers can each get a core of their own: 2+ CPUs and util-linux `taskset`.
 * On this 2-core machine an unpinned server's cost per request changed by 20–30 % with where the scheduler
 * put it (the same code measured 0.76 and 1.07 of a peer in one run, depending on start order).
 */
export function canPin(): boolean {
  if (availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Pins this process's main thread (where autocannon runs), and the threads it starts from now on, to CPU
 * `cpu`; false when `taskset` refused. Not `-a`: walking all threads fails when one exits meanwhile.
 */
export function pinSelf(cpu: number): boolean {
  try {
    execFileSync('taskset', ['-p', '-c', String(cpu), String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
