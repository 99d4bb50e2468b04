import { describe, expect, it } from 'vitest';
import { ExpiringMap } from '../../../services/whatsapp-service/store/expiring-map.js';
import { memoryMessageStore } from '../../../services/whatsapp-service/store/memory-message-store.js';
import { messageStoreContract } from './message-store-contract.js';

describe('memoryMessageStore', () => {
  messageStoreContract((options) => memoryMessageStore(options));
});

describe('ExpiringMap', () => {
  it('hides expired entries at once and sweeps them on later writes', () => {
    let now = 0;
    const map = new ExpiringMap<number>(() => now);
    for (let i = 0; i < 100; i++) map.set(`k${i}`, i, 1000);
    now = 999;
    expect(map.get('k5')).toBe(5);
    now = 1000;
    expect(map.get('k6')).toBeUndefined();
    expect(map.replace('k7', 7)).toBe(false);
    map.set('fresh', 1, 1000);
    expect(map.size).toBe(1);
  });
});
