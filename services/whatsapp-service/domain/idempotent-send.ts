import { setTimeout as sleep } from 'node:timers/promises';
import { currentContext } from 'switchboard/context';
import type { KeyClaim, MessageStore } from '../store/message-store.js';
import { type Message, newMessageId, requestFingerprint, type SendMessageInput } from './message.js';
import type { MessageSender } from './message-sender.js';
import { asDuplicate, type SendOutcome } from './send-outcome.js';

/** Timings of Idempotency-Key handling. */
export interface IdempotencyOptions {
  /** How long a key remembers its outcome, in ms. Default 24 h. */
  keyTtlMs?: number;
  /** How long a pending reservation holds a key before it lapses (a crashed sender), in ms. Default 60 s. */
  leaseMs?: number;
  /** How long a duplicate waits for a send running in another process, in ms (never past the request's deadline). Default 2000. */
  waitMs?: number;
  /** Poll interval while waiting, in ms. Default 25. */
  pollMs?: number;
}

/** Sends `input` at most once per Idempotency-Key `key`. */
export type IdempotentSend = (key: string, input: SendMessageInput) => Promise<SendOutcome>;

/**
 * Exactly-once sending per Idempotency-Key. Concurrent duplicates in this process share one in-flight
 * promise; across processes the store's atomic reservation picks one sender and the others poll until its
 * outcome is recorded (or answer `in-progress` after `waitMs`). If the send fails the key is released, so
 * a retry tries again; if recording the outcome fails after a successful send the key is not released
 * and stays pending until its lease lapses.
 */
export function idempotentSend(
  store: MessageStore,
  sender: MessageSender,
  options: IdempotencyOptions = {},
): IdempotentSend {
  const keyTtlMs = options.keyTtlMs ?? 24 * 60 * 60 * 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const waitMs = options.waitMs ?? 2000;
  const pollMs = options.pollMs ?? 25;
  // Keyed by key and body: only the store knows which body holds a key, so requests with another body
  // must ask it rather than be judged against whichever request happened to arrive first.
  const inFlight = new Map<string, Promise<SendOutcome>>();

  async function deliver(key: string, claim: KeyClaim, input: SendMessageInput): Promise<SendOutcome> {
    const createdAt = new Date().toISOString();
    const message: Message = { messageId: claim.messageId, ...input, status: 'queued', createdAt };
    let status: Message['status'];
    try {
      await store.saveMessage(message);
      status = await sender.send(message);
    } catch (error) {
      await store.releaseKey(key, claim).catch(() => undefined);
      throw error;
    }
    await store.completeKey(key, claim, status, keyTtlMs);
    return { kind: 'accepted', messageId: claim.messageId, status, deduplicated: false };
  }

  async function settle(key: string, fingerprint: string, input: SendMessageInput): Promise<SendOutcome> {
    const claim = { fingerprint, messageId: newMessageId() };
    // Waiting past the caller's own deadline would only produce an answer nobody reads.
    const giveUpAt = Math.min(Date.now() + waitMs, currentContext()?.deadline ?? Number.POSITIVE_INFINITY);
    for (;;) {
      const existing = await store.reserveKey(key, claim, leaseMs);
      if (existing === null) return deliver(key, claim, input);
      if (existing.fingerprint !== fingerprint) return { kind: 'key-reused' };
      if (existing.state === 'done') {
        const message = await store.getMessage(existing.messageId);
        const status = message?.status ?? existing.status;
        return { kind: 'accepted', messageId: existing.messageId, status, deduplicated: true };
      }
      if (Date.now() >= giveUpAt) return { kind: 'in-progress' };
      await sleep(pollMs);
    }
  }

  return (key, input) => {
    const fingerprint = requestFingerprint(input);
    const slot = JSON.stringify([key, fingerprint]);
    const running = inFlight.get(slot);
    if (running !== undefined) return running.then(asDuplicate);
    // Registered before the first await, so a concurrent duplicate always finds it.
    const outcome = settle(key, fingerprint, input).finally(() => inFlight.delete(slot));
    inFlight.set(slot, outcome);
    return outcome;
  };
}
