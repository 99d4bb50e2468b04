import type { MessageStatus } from './message.js';

/** What sending under an Idempotency-Key came to; the handler maps each kind to a documented status. */
export type SendOutcome =
  /** 202: a new message (`deduplicated: false`) or the one first sent under this key (`true`). */
  | { kind: 'accepted'; messageId: string; status: MessageStatus; deduplicated: boolean }
  /** 409: the key was already used with a different body. */
  | { kind: 'key-reused' }
  /** 503: the first request with this key is still running after the wait; retrying later is safe. */
  | { kind: 'in-progress' };

/** The same outcome as seen by a duplicate request: an accepted message is now `deduplicated`. */
export function asDuplicate(outcome: SendOutcome): SendOutcome {
  return outcome.kind === 'accepted' ? { ...outcome, deduplicated: true } : outcome;
}
