import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryMessageStore } from '../../../services/whatsapp-service/store/memory-message-store.js';
import { buildApp, getMessage } from './helpers.js';

let app: FastifyInstance;
const store = memoryMessageStore();
const message = {
  messageId: 'msg_01HZX3K9QF7T',
  userId: 'usr_7f3a9c',
  to: '+447700900123',
  text: 'Your summary is ready.',
  status: 'queued' as const,
  createdAt: '2025-06-01T12:00:00.000Z',
};

beforeAll(async () => {
  await store.saveMessage(message);
  app = await buildApp({ store });
});
afterAll(() => app.close());

describe('GET /internal/whatsapp/messages/{messageId}', () => {
  it('returns a stored message with its current status', async () => {
    expect((await getMessage(app, message.messageId)).json()).toEqual(message);
    await store.setStatus(message.messageId, 'sent');
    const res = await getMessage(app, message.messageId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...message, status: 'sent' });
  });

  it('answers 404 NOT_FOUND for an unknown id', async () => {
    const res = await getMessage(app, 'msg_unknown');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'Message not found', code: 'NOT_FOUND' });
  });

  it('answers 400 for an id outside the spec pattern', async () => {
    const res = await getMessage(app, 'msg.with.dots');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
