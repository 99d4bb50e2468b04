import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { whatsappServiceDocument } from '../../../generated/whatsapp-service/document.js';
import { memoryMessageStore } from '../../../services/whatsapp-service/store/memory-message-store.js';
import {
  BODY,
  buildApp,
  type CountingSender,
  countingSender,
  getMessage,
  newKey,
  postMessage,
} from './helpers.js';

let app: FastifyInstance;
let sender: CountingSender;

beforeAll(async () => {
  const store = memoryMessageStore();
  sender = countingSender(store, 20);
  app = await buildApp({ store, sender });
});
afterAll(() => app.close());
beforeEach(() => {
  sender.sent.length = 0;
});

describe('POST /internal/whatsapp/messages (in-memory store)', () => {
  it('sends the message and answers 202 with its id; GET returns it as sent', async () => {
    const res = await postMessage(app, newKey());
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body).toEqual({
      messageId: expect.stringMatching(/^msg_[0-9a-f]{32}$/),
      status: 'sent',
      deduplicated: false,
    });
    expect(sender.sent).toHaveLength(1);
    const got = await getMessage(app, body.messageId);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual({
      messageId: body.messageId,
      ...BODY,
      status: 'sent',
      createdAt: expect.any(String),
    });
    expect(Number.isNaN(Date.parse(got.json().createdAt))).toBe(false);
  });

  it('answers a repeat with the same key and body from the first result and sends nothing again', async () => {
    const key = newKey();
    const first = (await postMessage(app, key)).json();
    const again = await postMessage(app, key, { text: BODY.text, to: BODY.to, userId: BODY.userId });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ messageId: first.messageId, status: 'sent', deduplicated: true });
    expect(sender.sent).toHaveLength(1);
  });

  it('sends exactly once for 20 concurrent requests with one key, all answering the same id', async () => {
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 20 }, () => postMessage(app, key)));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(20).fill(202));
    const bodies = answers.map((r) => r.json());
    expect(new Set(bodies.map((b) => b.messageId)).size).toBe(1);
    expect(bodies.filter((b) => !b.deduplicated)).toHaveLength(1);
    expect(sender.sent).toHaveLength(1);
  });

  it('answers 409 IDEMPOTENCY_KEY_REUSED for the same key with another body, also while in flight', async () => {
    const key = newKey();
    const both = await Promise.all([
      postMessage(app, key),
      postMessage(app, key, { ...BODY, text: 'Something else' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([202, 409]);
    const later = await postMessage(app, key, { ...BODY, to: '+447700900999' });
    expect(later.statusCode).toBe(409);
    expect(later.json()).toEqual({
      error: 'Idempotency-Key was already used with a different request',
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(sender.sent).toHaveLength(1);
  });

  it('treats different keys as different messages', async () => {
    const a = (await postMessage(app, newKey())).json();
    const b = (await postMessage(app, newKey())).json();
    expect(a.messageId).not.toBe(b.messageId);
    expect(sender.sent).toHaveLength(2);
  });

  it.each([
    ['a missing Idempotency-Key', undefined, BODY],
    ['a too short Idempotency-Key', 'short', BODY],
    ['an Idempotency-Key with spaces', 'has spaces in it', BODY],
    ['a bad phone number', 'key-bad-phone', { ...BODY, to: '07700900123' }],
    ['a phone number with letters', 'key-bad-phone-2', { ...BODY, to: '+44770090012a' }],
    ['an extra field', 'key-extra-field', { ...BODY, priority: 'high' }],
    ['a missing field', 'key-missing-field', { userId: BODY.userId, to: BODY.to }],
    ['an empty text', 'key-empty-text', { ...BODY, text: '' }],
  ])('answers 400 BAD_REQUEST for %s and sends nothing', async (_name, key, body) => {
    const res = await postMessage(app, key, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BAD_REQUEST', error: expect.any(String) });
    expect(sender.sent).toHaveLength(0);
  });
});

/** The value at `keys` in a JSON document (undefined when a step is missing). */
const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>(
    (v, k) => (typeof v === 'object' && v !== null ? Reflect.get(v, k) : undefined),
    value,
  );

describe('503 IDEMPOTENCY_KEY_IN_PROGRESS', () => {
  it('answers a duplicate on another instance 503 with Retry-After while the first send runs, as the spec documents', async () => {
    const store = memoryMessageStore();
    const slow = countingSender(store, 1000);
    const first = await buildApp({ store, sender: slow });
    const second = await buildApp({ store, idempotency: { waitMs: 30, pollMs: 10 } });
    try {
      expect((await postMessage(second, newKey())).statusCode).toBe(202); // warm: no compile in the wait
      const key = newKey();
      const sending = postMessage(first, key);
      await vi.waitFor(() => expect(slow.sent).toHaveLength(1));
      const duplicate = await postMessage(second, key);
      expect(duplicate.statusCode).toBe(503);
      expect(duplicate.headers['retry-after']).toBe('1');
      const body = duplicate.json();
      expect(body.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
      expect((await sending).statusCode).toBe(202);

      const documented = ['paths', '/internal/whatsapp/messages', 'post', 'responses', '503'];
      const examples = Object.values(
        at(whatsappServiceDocument, ...documented, 'content', 'application/json', 'examples') as object,
      ) as { value: unknown }[];
      expect(examples.map((e) => e.value)).toContainEqual(body);
      expect(at(whatsappServiceDocument, ...documented, 'headers', 'Retry-After', 'schema')).toEqual({
        type: 'integer',
        minimum: 0,
      });
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
