import type { components } from '../../../generated/user-service/types.js';

type Schemas = components['schemas'];

/** A user profile, as the spec's `User`. */
export type User = Schemas['User'];
/** A provider a user can store an LLM API key for. */
export type LlmProvider = Schemas['LlmProvider'];
/** A provider a user can connect with OAuth. */
export type OAuthProvider = Schemas['OAuthProvider'];
/** An OAuth access token, as the spec's `OAuthToken`. */
export type OAuthToken = Schemas['OAuthToken'];
/** Every provider's decrypted key, or null. */
export type LlmKeys = Schemas['LlmKeys'];

/** Every LLM provider, in the spec's order. */
export const LLM_PROVIDERS: readonly LlmProvider[] = ['google', 'openai', 'anthropic'];

/** Every OAuth provider, in the spec's order. */
export const OAUTH_PROVIDERS: readonly OAuthProvider[] = ['google'];

/** The encryption context of a user's key for one provider: a sealed key only opens under its own. */
export function llmKeyContext(uid: string, provider: LlmProvider): string {
  return `user-service/llm-key/${uid}/${provider}`;
}
