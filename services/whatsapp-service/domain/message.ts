import { createHash, randomBytes } from 'node:crypto';
import type { components } from '../../../generated/whatsapp-service/types.js';

/** A message as stored and as `GET .../messages/{messageId}` returns it. */
export type Message = components['schemas']['Message'];

/** `queued` until handed to WhatsApp, then `sent`. */
export type MessageStatus = components['schemas']['MessageStatus'];

/** The body of `POST /internal/whatsapp/messages`. */
export type SendMessageInput = components['schemas']['SendMessageRequest'];

/** A fresh message id: `msg_` and 32 hex digits (within the spec's 64 characters). */
export function newMessageId(): string {
  return `msg_${randomBytes(16).toString('hex')}`;
}

/**
 * What makes two requests "the same" for an Idempotency-Key: a SHA-256 of the body's fields in a fixed
 * order, so the key order of the JSON a client sends does not matter.
 */
export function requestFingerprint(input: SendMessageInput): string {
  return createHash('sha256')
    .update(JSON.stringify([input.userId, input.to, input.text]), 'utf8')
    .digest('hex');
}
