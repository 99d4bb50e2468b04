import { describe, expect, it } from 'vitest';
import type { Message } from '../../../services/whatsapp-service/domain/message.js';
import type { KeyClaim, MessageStore } from '../../../services/whatsapp-service/store/message-store.js';
import { newKey } from './helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const claim = (n: number): KeyClaim => ({ fingerprint: `fp-${n}`, messageId: `msg_${n}` });
const HOUR = 3_600_000;

function message(messageId: string): Message {
  return {
    messageId,
    userId: 'usr_1',
    to: '+447700900123',
    text: 'hi',
    status: 'queued',
    createdAt: '2025-06-01T12:00:00.000Z',
  };
}

/** The behaviour every MessageStore must have; `make` builds a fresh store with the given message TTL. */
export function messageStoreContract(make: (options: { messageTtlMs?: number }) => MessageStore): void {
  describe('Idempotency-Key records', () => {
    it('reserves a key once; later callers see the pending claim', async () => {
      const store = make({});
      const key = newKey();
      expect(await store.reserveKey(key, claim(1), HOUR)).toBeNull();
      expect(await store.reserveKey(key, claim(2), HOUR)).toEqual({ state: 'pending', ...claim(1) });
    });

    it('lets exactly one of 20 concurrent reservations win', async () => {
      const store = make({});
      const key = newKey();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.reserveKey(key, claim(i), HOUR)),
      );
      expect(results.filter((r) => r === null)).toHaveLength(1);
      const winner = results.indexOf(null);
      for (const r of results) if (r !== null) expect(r.messageId).toBe(`msg_${winner}`);
    });

    it('records the outcome of the owning claim only', async () => {
      const store = make({});
      const key = newKey();
      await store.reserveKey(key, claim(1), HOUR);
      await store.completeKey(key, claim(2), 'sent', HOUR);
      await store.releaseKey(key, claim(2));
      expect(await store.reserveKey(key, claim(3), HOUR)).toEqual({ state: 'pending', ...claim(1) });
      await store.completeKey(key, claim(1), 'sent', HOUR);
      await store.releaseKey(key, claim(1));
      expect(await store.reserveKey(key, claim(3), HOUR)).toEqual({
        state: 'done',
        ...claim(1),
        status: 'sent',
      });
    });

    it('frees a key its owner releases, and one whose lease lapsed', async () => {
      const store = make({});
      const released = newKey();
      await store.reserveKey(released, claim(1), HOUR);
      await store.releaseKey(released, claim(1));
      expect(await store.reserveKey(released, claim(2), HOUR)).toBeNull();
      const lapsed = newKey();
      await store.reserveKey(lapsed, claim(1), 40);
      await sleep(80);
      expect(await store.reserveKey(lapsed, claim(2), HOUR)).toBeNull();
    });

    it('forgets a completed key after its TTL', async () => {
      const store = make({});
      const key = newKey();
      await store.reserveKey(key, claim(1), HOUR);
      await store.completeKey(key, claim(1), 'sent', 40);
      await sleep(80);
      expect(await store.reserveKey(key, claim(2), HOUR)).toBeNull();
    });
  });

  describe('messages', () => {
    it('saves, reads and updates the status of a message', async () => {
      const store = make({});
      const m = message(`msg_${newKey().replaceAll('.', '')}`);
      expect(await store.getMessage(m.messageId)).toBeNull();
      await store.saveMessage(m);
      expect(await store.getMessage(m.messageId)).toEqual(m);
      await store.setStatus(m.messageId, 'sent');
      expect(await store.getMessage(m.messageId)).toEqual({ ...m, status: 'sent' });
    });

    it('does not create a message by updating an unknown one', async () => {
      const store = make({});
      await store.setStatus('msg_nobody', 'sent');
      expect(await store.getMessage('msg_nobody')).toBeNull();
    });

    it('keeps messages for its retention only: a status update does not renew it', async () => {
      // Retention 500 ms from the save, the update at 200 ms (300 ms to spare for a slow machine), the last
      // look at 600 ms: a store that renewed the retention on update would still hold the message until 700.
      const store = make({ messageTtlMs: 500 });
      const m = message(`msg_ttl_${Date.now()}`);
      const saved = Date.now();
      await store.saveMessage(m);
      await sleep(200);
      await store.setStatus(m.messageId, 'sent');
      expect(await store.getMessage(m.messageId)).toEqual({ ...m, status: 'sent' });
      await sleep(600 - (Date.now() - saved));
      expect(await store.getMessage(m.messageId)).toBeNull();
    });

    it('answers ping', async () => {
      expect(await make({}).ping()).toBe(true);
    });
  });
}
