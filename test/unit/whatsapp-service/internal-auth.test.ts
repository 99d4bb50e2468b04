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

describe.each(Object.entries(operations))('%s internal auth', (_operation, call) => {
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
    for (const token of [TOKEN, NEXT_TOKEN]) {
      expect((await call({ 'x-internal-auth': token })).statusCode).not.toBe(401);
    }
  });
});
