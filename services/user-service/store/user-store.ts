import type { LlmProvider, OAuthProvider, OAuthToken, User } from '../domain/user.js';

/** One stored LLM key: sealed by LlmKeyCipher (the store never sees the plaintext). */
export interface StoredLlmKey {
  sealed: string;
  /** When the key was last reported used (ISO 8601), null when never since it was set. */
  lastUsedAt: string | null;
}

/** Everything stored about one user. */
export interface UserRecord {
  user: User;
  llmKeys: Partial<Record<LlmProvider, StoredLlmKey>>;
  oauth: Partial<Record<OAuthProvider, OAuthToken>>;
}

/** Outcome of `create`: emails are unique, compared case-insensitively. */
export type CreateOutcome = 'created' | 'user-exists' | 'email-taken';

/** Outcome of `touchLlmKey`. */
export type TouchOutcome = 'recorded' | 'no-user' | 'no-key';

/**
 * Users, their sealed LLM keys with last-used times, and their OAuth tokens. Each write is atomic and checks
 * that the user exists. Implementations throw StoreUnavailableError when their backend is down.
 */
export interface UserStore {
  /** Creates the user unless its id or email is taken. */
  create(user: User): Promise<CreateOutcome>;
  /** The user's record, or null when there is no such user. */
  get(uid: string): Promise<UserRecord | null>;
  /** Stores (or replaces, clearing its last-used time) a sealed key; false when there is no such user. */
  setLlmKey(uid: string, provider: LlmProvider, sealed: string): Promise<boolean>;
  /** Records that the key for `provider` was used at `at` (ISO 8601). */
  touchLlmKey(uid: string, provider: LlmProvider, at: string): Promise<TouchOutcome>;
  /** Stores (or replaces) an OAuth token; false when there is no such user. No route calls it yet. */
  setOAuthToken(uid: string, provider: OAuthProvider, token: OAuthToken): Promise<boolean>;
  /** True when the store can be used (for `/ready`). */
  ping(): Promise<boolean>;
}
