import { expect, it } from 'vitest';
import type { User } from '../../../services/user-service/domain/user.js';
import type { UserStore } from '../../../services/user-service/store/user-store.js';

const user = (id: string, email = `${id}@example.com`): User => ({
  id,
  email,
  displayName: id,
  tenantId: 'tnt_1',
  createdAt: '2025-06-01T12:00:00.000Z',
});
const TOKEN = { accessToken: 'ya29.token', tokenType: 'Bearer', expiresAt: null };

/** The behaviour every UserStore shares; `store` is called once per test and may reuse one backend. */
export function userStoreContract(store: () => UserStore): void {
  it('creates a user once, with a unique email (case-insensitively)', async () => {
    const s = store();
    expect(await s.create(user('usr_a'))).toBe('created');
    expect(await s.create(user('usr_a', 'new@example.com'))).toBe('user-exists');
    expect(await s.create(user('usr_b', 'USR_A@example.com'))).toBe('email-taken');
    expect(await s.get('usr_a')).toEqual({ user: user('usr_a'), llmKeys: {}, oauth: {} });
    expect(await s.get('usr_b')).toBeNull();
  });

  it('stores sealed keys, records their use and forgets it when a key is replaced', async () => {
    const s = store();
    await s.create(user('usr_k'));
    expect(await s.setLlmKey('usr_k', 'google', 'sealed-1')).toBe(true);
    expect(await s.touchLlmKey('usr_k', 'google', '2025-06-01T12:30:00.000Z')).toBe('recorded');
    expect((await s.get('usr_k'))?.llmKeys).toEqual({
      google: { sealed: 'sealed-1', lastUsedAt: '2025-06-01T12:30:00.000Z' },
    });
    expect(await s.setLlmKey('usr_k', 'google', 'sealed-2')).toBe(true);
    expect((await s.get('usr_k'))?.llmKeys.google).toEqual({ sealed: 'sealed-2', lastUsedAt: null });
    expect(await s.touchLlmKey('usr_k', 'openai', '2025-06-01T12:30:00.000Z')).toBe('no-key');
  });

  it('refuses writes for a user that does not exist, creating nothing', async () => {
    const s = store();
    expect(await s.setLlmKey('usr_ghost', 'google', 'sealed')).toBe(false);
    expect(await s.setOAuthToken('usr_ghost', 'google', TOKEN)).toBe(false);
    expect(await s.touchLlmKey('usr_ghost', 'google', '2025-06-01T12:30:00.000Z')).toBe('no-user');
    expect(await s.get('usr_ghost')).toBeNull();
    expect(await s.create(user('usr_ghost'))).toBe('created');
    expect((await s.get('usr_ghost'))?.llmKeys).toEqual({});
  });

  it('stores OAuth tokens', async () => {
    const s = store();
    await s.create(user('usr_o'));
    expect(await s.setOAuthToken('usr_o', 'google', TOKEN)).toBe(true);
    expect((await s.get('usr_o'))?.oauth).toEqual({ google: TOKEN });
  });

  it('hands out copies, not its own records', async () => {
    const s = store();
    await s.create(user('usr_c'));
    const record = await s.get('usr_c');
    if (record !== null) record.user.displayName = 'changed';
    expect((await s.get('usr_c'))?.user.displayName).toBe('usr_c');
    expect(await s.ping()).toBe(true);
  });
}
