import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildWhatsappApp, type WhatsappDeps } from '../../../services/whatsapp-service/app.js';
import type { Message } from '../../../services/whatsapp-service/domain/message.js';
import type { MessageSender } from '../../../services/whatsapp-service/domain/message-sender.js';
import { recordingSender } from '../../../services/whatsapp-service/domain/message-sender.js';
import type { MessageStore } from '../../../services/whatsapp-service/store/message-store.js';

/** The current internal token and the one being rotated in: both are accepted. */
export const TOKEN = 'Wh4tsApp-internal-token-0123456789abcdefXYZ';
export const NEXT_TOKEN = 'N3xt-rotated-in-token-9876543210ZYXWVUTsrq';
export const auth = { 'x-internal-auth': TOKEN };

/** The spec's example request body. */
export const BODY = { userId: 'usr_7f3a9c', to: '+447700900123', text: 'Your summary is ready.' };

/** A sender that counts its calls and delegates to the default one (optionally after `delayMs`). */
export interface CountingSender extends MessageSender {
  readonly sent: Message[];
}

/** Wraps `recordingSender(store)`, recording every message it is asked to send. */
export function countingSender(store: MessageStore, delayMs = 0): CountingSender {
  const inner = recordingSender(store);
  const sent: Message[] = [];
  return {
    sent,
    send: async (message) => {
      sent.push(message);
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      return inner.send(message);
    },
  };
}

/** whatsapp-service with no logs, accepting TOKEN and NEXT_TOKEN. */
export function buildApp(deps: Omit<WhatsappDeps, 'internalTokens' | 'logger'>): Promise<FastifyInstance> {
  return buildWhatsappApp({ ...deps, internalTokens: [TOKEN, NEXT_TOKEN], logger: false });
}

/** `POST /internal/whatsapp/messages` with `key` as Idempotency-Key (omitted when undefined). */
export function postMessage(
  app: FastifyInstance,
  key: string | undefined,
  body: unknown = BODY,
  headers: Record<string, string> = auth,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/internal/whatsapp/messages',
    headers: { ...headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload: body as Record<string, unknown>, // inject's payload type; any JSON value is sent as is
  });
}

/** `GET /internal/whatsapp/messages/{messageId}`. */
export function getMessage(
  app: FastifyInstance,
  messageId: string,
  headers: Record<string, string> = auth,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/internal/whatsapp/messages/${messageId}`, headers });
}

/** A fresh Idempotency-Key. */
export function newKey(): string {
  return `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;
}
