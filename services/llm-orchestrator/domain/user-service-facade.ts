import type { CreateCompletionResult, LlmProviderClient } from '../../../generated/llm-provider/client.js';
import type { GetOAuthTokenInput, UserServiceClient } from '../../../generated/user-service/client.js';
import { PROVIDERS, type Provider } from './answer-prompt.js';

/** A user's LLM keys by provider (null where none is configured). */
export type LlmKeys = Record<Provider, string | null>;

/** Why user-service, an essential dependency, failed: 503 when refused locally (circuit open), else 502. */
export interface UserServiceFailure {
  failed: 502 | 503;
  code: string;
}

/** The user has no key for the provider asked for (or, when none was named, for any provider). */
export interface NoLlmKey {
  noKey: Provider | 'any';
}

/** An LLM client configured with one user's key for one provider. */
export interface LlmClient {
  readonly provider: Provider;
  /**
   * Streams the completion of `prompt`. Called inside a request handler, the call inherits that request's
   * deadline and abort signal: a caller that goes away cancels the provider's generation.
   */
  streamCompletion(prompt: string): Promise<CreateCompletionResult>;
}

/**
 * What a service that calls LLMs with its users' own keys needs from user-service, in its words (seed system
 * A's shared user-service client), over the generated clients.
 */
export interface UserServiceFacade {
  /** The user's keys; a user unknown to user-service has none. */
  getApiKeys(uid: string): Promise<LlmKeys | UserServiceFailure>;
  /** A client for `provider` (default: the first of anthropic, openai, google the user has a key for). */
  getLlmClient(uid: string, provider?: Provider): Promise<LlmClient | NoLlmKey | UserServiceFailure>;
  /** Records that the user's key for `provider` was just used; false when that could not be recorded. */
  reportLlmSuccess(uid: string, provider: Provider): Promise<boolean>;
  /** The user's OAuth access token for `provider`, or null when not connected (or user-service failed). */
  getOAuthToken(uid: string, provider: GetOAuthTokenInput['path']['provider']): Promise<string | null>;
}

const NO_KEYS: LlmKeys = { google: null, openai: null, anthropic: null };

/** The UserServiceFacade over user-service's client; `llm` is the provider's client (keys are per call). */
export function createUserServiceFacade(users: UserServiceClient, llm: LlmProviderClient): UserServiceFacade {
  const getApiKeys: UserServiceFacade['getApiKeys'] = async (uid) => {
    const keys = await users.getLlmKeys({ path: { uid } });
    if (keys.ok) return keys.value;
    if (keys.error.status === 404) return NO_KEYS;
    const refused = keys.error.code === 'CIRCUIT_OPEN' || keys.error.code === 'BULKHEAD_FULL';
    return { failed: refused ? 503 : 502, code: keys.error.code };
  };
  return {
    getApiKeys,
    async getLlmClient(uid, provider) {
      const keys = await getApiKeys(uid);
      if ('failed' in keys) return keys;
      const chosen = provider ?? PROVIDERS.find((p) => keys[p] !== null);
      const key = chosen === undefined ? null : keys[chosen];
      if (chosen === undefined || key === null) return { noKey: provider ?? 'any' };
      return llmClient(llm, chosen, key);
    },
    async reportLlmSuccess(uid, provider) {
      const usage = await users.reportLlmKeyUsage({ path: { uid, provider } });
      return usage.ok;
    },
    async getOAuthToken(uid, provider) {
      const token = await users.getOAuthToken({ path: { uid, provider } });
      return token.ok ? token.value.accessToken : null;
    },
  };
}

/** The provider's client bound to one key (sent as its Bearer credential on each call). */
export function llmClient(llm: LlmProviderClient, provider: Provider, key: string): LlmClient {
  return {
    provider,
    streamCompletion: (prompt) =>
      llm.createCompletion({ body: { model: provider, prompt } }, { credentials: { ApiKey: key } }),
  };
}
