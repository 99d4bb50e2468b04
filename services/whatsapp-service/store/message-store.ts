import type { Message, MessageStatus } from '../domain/message.js';

/** Who holds an Idempotency-Key: the request's fingerprint and the id of the message it creates. */
export interface KeyClaim {
  fingerprint: string;
  messageId: string;
}

/** What an Idempotency-Key maps to: a send still running (`pending`), or its outcome (`done`). */
export type IdempotencyRecord =
  | ({ state: 'pending' } & KeyClaim)
  | ({ state: 'done'; status: MessageStatus } & KeyClaim);

/**
 * Messages and Idempotency-Key records. Implementations throw StoreUnavailableError when down (503).
 * Reserving a key is atomic: of concurrent callers, across processes, exactly one gets `null`.
 */
export interface MessageStore {
  /**
   * Reserves `key` for `claim` with a `pending` record that lapses after `leaseMs` (so a crashed sender
   * does not block the key for good). Resolves null when this call reserved it, else the record there.
   */
  reserveKey(key: string, claim: KeyClaim, leaseMs: number): Promise<IdempotencyRecord | null>;
  /** Records the outcome of `claim` for `ttlMs`, unless another claim holds the key by now. */
  completeKey(key: string, claim: KeyClaim, status: MessageStatus, ttlMs: number): Promise<void>;
  /** Deletes the key if it still holds `claim`'s pending record (the send failed; a retry may try again). */
  releaseKey(key: string, claim: KeyClaim): Promise<void>;
  /** Saves a new message (kept for the store's message retention). */
  saveMessage(message: Message): Promise<void>;
  getMessage(messageId: string): Promise<Message | null>;
  /** Updates a stored message's status; does nothing when it does not exist. */
  setStatus(messageId: string, status: MessageStatus): Promise<void>;
  /** True when the store can be used (for `/ready`). */
  ping(): Promise<boolean>;
}

/** How long messages are kept by default: 7 days (Idempotency-Key records live 24 h). */
export const DEFAULT_MESSAGE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
