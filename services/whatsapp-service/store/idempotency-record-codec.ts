import type { MessageStatus } from '../domain/message.js';
import type { IdempotencyRecord, KeyClaim } from './message-store.js';

/**
 * A pending record as stored in Redis. The encoding is deterministic (fixed key order) because
 * completing or releasing a key compares the stored string with this one byte for byte.
 */
export function encodePending(claim: KeyClaim): string {
  return JSON.stringify({ state: 'pending', fingerprint: claim.fingerprint, messageId: claim.messageId });
}

/** A done record as stored in Redis. */
export function encodeDone(claim: KeyClaim, status: MessageStatus): string {
  return JSON.stringify({
    state: 'done',
    fingerprint: claim.fingerprint,
    messageId: claim.messageId,
    status,
  });
}

/** Reads a stored record; throws on anything this service did not write. */
export function decodeRecord(raw: string): IdempotencyRecord {
  const value: unknown = JSON.parse(raw);
  if (typeof value === 'object' && value !== null) {
    const r = value as Record<string, unknown>;
    const claim =
      typeof r.fingerprint === 'string' && typeof r.messageId === 'string'
        ? { fingerprint: r.fingerprint, messageId: r.messageId }
        : undefined;
    if (claim !== undefined && r.state === 'pending') return { state: 'pending', ...claim };
    if (claim !== undefined && r.state === 'done' && (r.status === 'queued' || r.status === 'sent'))
      return { state: 'done', ...claim, status: r.status };
  }
  throw new Error('malformed idempotency record');
}
