import { respond } from 'switchboard/server';
import type { WhatsappServiceHandlers } from '../../../generated/whatsapp-service/server.js';
import type { IdempotentSend } from '../domain/idempotent-send.js';
import type { MessageStore } from '../store/message-store.js';

/**
 * whatsapp-service's handlers: sending goes through the Idempotency-Key logic, reading straight to the
 * store; a store outage becomes 503 in the error handler.
 */
export function whatsappHandlers(store: MessageStore, send: IdempotentSend): WhatsappServiceHandlers {
  return {
    sendMessage: async ({ headers, body }) => {
      const outcome = await send(headers['idempotency-key'], body);
      switch (outcome.kind) {
        case 'accepted': {
          const { messageId, status, deduplicated } = outcome;
          return respond(202, { messageId, status, deduplicated });
        }
        case 'key-reused':
          return respond(409, {
            error: 'Idempotency-Key was already used with a different request',
            code: 'IDEMPOTENCY_KEY_REUSED',
          });
        case 'in-progress':
          return respond(
            503,
            {
              error: 'A request with this Idempotency-Key is still in progress; retry later',
              code: 'IDEMPOTENCY_KEY_IN_PROGRESS',
            },
            { 'retry-after': '1' },
          );
      }
    },
    getMessage: async ({ params }) => {
      const message = await store.getMessage(params.messageId);
      return message === null
        ? respond(404, { error: 'Message not found', code: 'NOT_FOUND' })
        : respond(200, message);
    },
  };
}
