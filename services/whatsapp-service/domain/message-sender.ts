import type { MessageStore } from '../store/message-store.js';
import type { Message, MessageStatus } from './message.js';

/** Hands a message to WhatsApp. Called at most once per Idempotency-Key (while its record lives). */
export interface MessageSender {
  /**
   * Sends `message` (already saved as `queued`) and resolves with its status afterwards: `sent`, or
   * `queued` when delivery continues later. A rejection means nothing was sent: the key is released and
   * a retry with the same key tries again.
   */
  send(message: Message): Promise<MessageStatus>;
}

/** The default sender: there is no real WhatsApp here, so it only records the message as sent in `store`. */
export function recordingSender(store: MessageStore): MessageSender {
  return {
    send: async (message) => {
      await store.setStatus(message.messageId, 'sent');
      return 'sent';
    },
  };
}
