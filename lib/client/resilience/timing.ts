import { DeadlineExceededError, PolicyError, shareCallerSignal } from '../call-policy.js';

/** Resolves at `until` (epoch ms); rejects with ABORTED at once if `signal` aborts first. No timer is left behind. */
export function sleepUntil(until: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new PolicyError('ABORTED', 'the caller aborted the call'));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, until - Date.now()),
    );
    if (signal?.aborted) onAbort();
    else if (signal !== undefined) {
      shareCallerSignal(signal);
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

/**
 * Settles like `work`, or rejects with DeadlineExceededError at `deadline` if that comes first: a caller
 * waiting on a breaker probe or a bulkhead queue never outlives its own deadline.
 */
export async function withDeadline<T>(work: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeadlineExceededError('deadline exceeded while waiting for the downstream')),
      Math.max(0, deadline - Date.now()),
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
    work.catch(() => {});
  }
}
