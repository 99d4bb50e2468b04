import { describe, expect, it } from 'vitest';
import { idempotentSend } from '../../../services/whatsapp-service/domain/idempotent-send.js';
import type { MessageSender } from '../../../services/whatsapp-service/domain/message-sender.js';
import { memoryMessageStore } from '../../../services/whatsapp-service/store/memory-message-store.js';
import type { MessageStore } from '../../../services/whatsapp-service/store/message-store.js';
import { BODY, countingSender, newKey } from './helpers.js';

/** A sender that waits until `open()` before recording the message as sent. */
function gatedSender(store: MessageStore): MessageSender & { open(): void; calls: number } {
  const inner = countingSender(store);
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    open: () => open(),
    get calls() {
      return inner.sent.length;
    },
    send: async (message) => {
      const sending = inner.send(message);
      await gate;
      return sending;
    },
  };
}

describe('idempotentSend', () => {
  it('releases the key when sending fails, so a retry with it sends', async () => {
    const store = memoryMessageStore();
    let failures = 1;
    const ok = countingSender(store);
    const send = idempotentSend(store, {
      send: async (m) => (failures-- > 0 ? Promise.reject(new Error('WhatsApp down')) : ok.send(m)),
    });
    const key = newKey();
    await expect(send(key, BODY)).rejects.toThrow('WhatsApp down');
    const retry = await send(key, BODY);
    expect(retry).toMatchObject({ kind: 'accepted', status: 'sent', deduplicated: false });
    expect(ok.sent).toHaveLength(1);
  });

  it('lets the store judge a body that differs from the one in flight: the exact repeat still succeeds', async () => {
    const store = memoryMessageStore();
    const sender = countingSender(store);
    const send = idempotentSend(store, sender);
    const key = newKey();
    const first = await send(key, BODY);
    const [other, repeat] = await Promise.all([send(key, { ...BODY, text: 'other' }), send(key, BODY)]);
    expect(other).toEqual({ kind: 'key-reused' });
    expect(repeat).toEqual({ ...first, deduplicated: true });
    expect(sender.sent).toHaveLength(1);
  });

  it('sends only the first of two new bodies racing for one key and refuses the other', async () => {
    const store = memoryMessageStore();
    const sender = countingSender(store, 20);
    const send = idempotentSend(store, sender);
    const key = newKey();
    const [a, b] = await Promise.all([send(key, BODY), send(key, { ...BODY, text: 'other' })]);
    expect(a).toMatchObject({ kind: 'accepted', deduplicated: false });
    expect(b).toEqual({ kind: 'key-reused' });
    expect(sender.sent).toHaveLength(1);
  });

  it('gives concurrent duplicates the same failure instead of sending again', async () => {
    const store = memoryMessageStore();
    let calls = 0;
    const send = idempotentSend(store, {
      send: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 20));
        throw new Error('WhatsApp down');
      },
    });
    const key = newKey();
    const results = await Promise.allSettled([send(key, BODY), send(key, BODY), send(key, BODY)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const reasons = results.map((r) => (r.status === 'rejected' ? r.reason : undefined));
    expect(reasons[0]).toEqual(new Error('WhatsApp down'));
    // The very failure of the one send, not an error of their own.
    for (const reason of reasons) expect(reason).toBe(reasons[0]);
    expect(calls).toBe(1);
  });

  it('makes a duplicate in another process wait for the first send and answer its id', async () => {
    const store = memoryMessageStore();
    const sender = gatedSender(store);
    const processA = idempotentSend(store, sender, { pollMs: 5 });
    const processB = idempotentSend(store, sender, { pollMs: 5 });
    const key = newKey();
    const first = processA(key, BODY);
    const second = processB(key, BODY);
    setTimeout(() => sender.open(), 50);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ kind: 'accepted', deduplicated: false });
    expect(b).toEqual({ ...a, deduplicated: true });
    expect(sender.calls).toBe(1);
  });

  it('answers in-progress when the first send outlasts the wait, and the outcome afterwards', async () => {
    const store = memoryMessageStore();
    const sender = gatedSender(store);
    const processA = idempotentSend(store, sender);
    const processB = idempotentSend(store, sender, { waitMs: 60, pollMs: 10 });
    const key = newKey();
    const first = processA(key, BODY);
    expect(await processB(key, BODY)).toEqual({ kind: 'in-progress' });
    sender.open();
    const a = await first;
    expect(await processB(key, BODY)).toEqual({ ...a, deduplicated: true });
    expect(sender.calls).toBe(1);
  });

  it('does not release a key whose send succeeded but whose outcome could not be recorded', async () => {
    const inner = memoryMessageStore();
    let failComplete = true;
    const store: MessageStore = {
      ...inner,
      completeKey: async (...args) => {
        if (failComplete) throw new Error('store down');
        return inner.completeKey(...args);
      },
    };
    const sender = countingSender(store);
    const send = idempotentSend(store, sender, { waitMs: 30, pollMs: 10 });
    const key = newKey();
    await expect(send(key, BODY)).rejects.toThrow('store down');
    failComplete = false;
    expect(await send(key, BODY)).toEqual({ kind: 'in-progress' });
    expect(sender.sent).toHaveLength(1);
  });

  it('forgets a key after its TTL: the same key then sends a new message', async () => {
    const store = memoryMessageStore();
    const sender = countingSender(store);
    const send = idempotentSend(store, sender, { keyTtlMs: 40 });
    const key = newKey();
    const first = await send(key, BODY);
    await new Promise((r) => setTimeout(r, 80));
    const second = await send(key, BODY);
    expect(second).toMatchObject({ kind: 'accepted', deduplicated: false });
    expect(second).not.toEqual(first);
    expect(sender.sent).toHaveLength(2);
  });

  it('keeps keys for 24 hours by default', async () => {
    let now = Date.now();
    const store = memoryMessageStore({ now: () => now });
    const sender = countingSender(store);
    const send = idempotentSend(store, sender);
    const key = newKey();
    await send(key, BODY);
    now += 24 * 3_600_000 - 1;
    expect(await send(key, BODY)).toMatchObject({ deduplicated: true });
    now += 1;
    expect(await send(key, BODY)).toMatchObject({ deduplicated: false });
    expect(sender.sent).toHaveLength(2);
  });
});
