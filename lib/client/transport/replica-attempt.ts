import { type AttemptOutcome, PolicyError } from '../call-policy.js';
import { isConnectionRefused, isNetworkFailure } from '../resilience/classify.js';
import type { Replica, ReplicaSet } from './replica-set.js';

/** Statuses that count against a replica's health: it could not serve, another one may. */
export function isReplicaFailureStatus(status: number): boolean {
  return status === 502 || status === 503 || status === 504;
}

/**
 * Runs one attempt of a call on a replica of `set`, avoiding the replicas in `failed` (those that failed this
 * call's earlier attempts, kept by the caller across attempts), so that a retry lands on another replica.
 * Within the attempt, a replica that refused the connection (the request never left) or, for an idempotent
 * call, broke it off (reset, closed) is left at once for another (at most one try per replica), without the
 * retry policy's backoff: one dead replica among live ones then costs a caller a round trip, and its
 * failures reach neither the caller's retry budget nor the downstream's circuit breaker. Timeouts and HTTP
 * failures are left to the retry policy. An attempt the caller aborted does not count against the replica.
 */
export async function attemptOnReplicas<T extends AttemptOutcome>(
  set: ReplicaSet,
  failed: Replica[],
  idempotent: boolean,
  signal: AbortSignal,
  send: (replica: Replica) => Promise<T>,
): Promise<T> {
  for (let tries = 1; ; tries++) {
    const replica = set.acquire(failed);
    let outcome: T;
    try {
      outcome = await send(replica);
    } catch (error) {
      if (signal.aborted) {
        const timedOut = signal.reason instanceof PolicyError && signal.reason.code === 'TIMEOUT';
        set.release(replica, timedOut ? false : undefined);
        if (timedOut) failed.push(replica);
        throw error;
      }
      // Only a network failure says something about the replica (a TypeError may be the caller's own body).
      const network = isNetworkFailure(error);
      set.release(replica, network ? false : undefined);
      if (!network) throw error;
      failed.push(replica);
      const failover = (isConnectionRefused(error) || idempotent) && tries < set.replicas.length;
      if (!failover) throw error;
      continue;
    }
    const ok = !isReplicaFailureStatus(outcome.response.status);
    set.release(replica, ok);
    if (!ok) failed.push(replica);
    return outcome;
  }
}
