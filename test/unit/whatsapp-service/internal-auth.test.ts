import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryMessageStore } from '../../../services/whatsapp-service/store/memory-message-store.js';
import {
  buildApp,
  type CountingSender,
  countingSender,
  getMessage,
  NEXT_TOKEN,
  newKey,
  postMessage,
  TOKEN,
} from './helpers.js';

let app: FastifyInstance;
let sender: CountingSender;

beforeAll(async () => {
  const store = memoryMessageStore();
  sender = countingSender(store);
  app = await buildApp({ store, sender });
});
afterAll(() => app.close());
beforeEach(() => {
  sender.sent.length = 0;
});

const operations = {
  sendMessage: (headers: Record<string, string>) => postMessage(app, newKey(), undefined, headers),
  getMessage: (headers: Record<string, string>) => getMessage(app, 'msg_01HZX3K9QF7T', headers),
};

/** What each operation answers once authenticated: the handler ran (no such message was ever sent). */
const authenticated = {
  sendMessage: { status: 202, body: expect.objectContaining({ deduplicated: false }), sends: 1 },
  getMessage: { status: 404, body: { error: 'Message not found', code: 'NOT_FOUND' }, sends: 0 },
};

describe.each(Object.entries(operations))('%s internal auth', (operation, call) => {
  it.each([
    ['missing', {}],
    ['wrong', { 'x-internal-auth': `${TOKEN.slice(0, -1)}Q` }],
    ['odd-length', { 'x-internal-auth': `${TOKEN}A` }],
    ['empty', { 'x-internal-auth': '' }],
    ['rotated-out', { 'x-internal-auth': 'Old0ld0ld-rotated-out-token-0ld0ld0ld0ld0' }],
  ])('answers 401 {"error":"Unauthorized"} for a %s token and does nothing', async (_name, headers) => {
    const res = await call(headers);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'Unauthorized' });
    expect(sender.sent).toHaveLength(0);
  });

  it('accepts both the current and the rotated-in token', async () => {
    const expected = authenticated[operation as keyof typeof authenticated];
    for (const token of [TOKEN, NEXT_TOKEN]) {
      sender.sent.length = 0;
      const res = await call({ 'x-internal-auth': token });
      expect(res.statusCode).toBe(expected.status);
      expect(res.json()).toEqual(expected.body);
      expect(sender.sent).toHaveLength(expected.sends);
    }
  });
});
