import { describe, expect, it } from 'vitest';
import { memoryRevocationStore } from '../../../services/auth-service/store/memory-revocation-store.js';

describe('memoryRevocationStore', () => {
  it('keeps a revocation for its ttl, then forgets it', async () => {
    let now = 1_000_000;
    const store = memoryRevocationStore({ now: () => now });
    await store.revoke('a', 10);
    expect(await store.isRevoked('a')).toBe(true);
    expect(await store.isRevoked('b')).toBe(false);
    now += 9_999;
    expect(await store.isRevoked('a')).toBe(true);
    now += 1;
    expect(await store.isRevoked('a')).toBe(false);
    expect(store.size()).toBe(0);
  });

  it('never shortens a revocation when the same jti is revoked again', async () => {
    let now = 0;
    const store = memoryRevocationStore({ now: () => now });
    await store.revoke('a', 100);
    await store.revoke('a', 5);
    now = 50_000;
    expect(await store.isRevoked('a')).toBe(true);
  });

  it('sweeps expired entries as it grows, so memory tracks the unexpired ones', async () => {
    let now = 0;
    const store = memoryRevocationStore({ now: () => now });
    for (let i = 0; i < 1000; i++) await store.revoke(`old-${i}`, 1);
    now = 2_000;
    for (let i = 0; i < 100; i++) await store.revoke(`new-${i}`, 60);
    expect(store.size()).toBeLessThan(200);
    expect(await store.isRevoked('new-99')).toBe(true);
    expect(await store.ping()).toBe(true);
  });
});
