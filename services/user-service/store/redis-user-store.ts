import type { Redis } from 'ioredis';
import { viaRedis } from '../../shared/redis-client.js';
import {
  LLM_PROVIDERS,
  type LlmProvider,
  OAUTH_PROVIDERS,
  type OAuthProvider,
  type OAuthToken,
  type User,
} from '../domain/user.js';
import { CREATE_USER, SET_IF_USER, TOUCH_IF_KEY } from './redis-user-scripts.js';
import type { CreateOutcome, TouchOutcome, UserRecord, UserStore } from './user-store.js';

const userKey = (uid: string) => `user:${uid}`;
const emailKey = (email: string) => `user-email:${email.toLowerCase()}`;
const PROFILE = 'profile';
const llmField = (provider: LlmProvider) => `llm:${provider}`;
const usedField = (provider: LlmProvider) => `llm-used:${provider}`;
const oauthField = (provider: OAuthProvider) => `oauth:${provider}`;

/**
 * Users in Redis, one hash per user under `user:<uid>`: `profile` (JSON), `llm:<provider>` (sealed key),
 * `llm-used:<provider>` (ISO time), `oauth:<provider>` (JSON); `user-email:<email>` holds the uid that owns
 * an email. Every write is one Lua script, so the existence checks and the write are atomic.
 */
export function redisUserStore(redis: Redis): UserStore {
  // Each script answers one of a few known strings or numbers (see redis-user-scripts.ts).
  const run = <T>(script: string, keys: string[], ...args: string[]) =>
    viaRedis(async () => (await redis.eval(script, keys.length, ...keys, ...args)) as T);
  return {
    create: (user) =>
      run<CreateOutcome>(
        CREATE_USER,
        [userKey(user.id), emailKey(user.email)],
        JSON.stringify(user),
        user.id,
      ),
    get: (uid) => viaRedis(async () => toRecord(await redis.hgetall(userKey(uid)))),
    setLlmKey: async (uid, provider, sealed) =>
      (await run<number>(SET_IF_USER, [userKey(uid)], llmField(provider), sealed, usedField(provider))) === 1,
    touchLlmKey: (uid, provider, at) =>
      run<TouchOutcome>(TOUCH_IF_KEY, [userKey(uid)], llmField(provider), usedField(provider), at),
    setOAuthToken: async (uid, provider, token) =>
      (await run<number>(SET_IF_USER, [userKey(uid)], oauthField(provider), JSON.stringify(token))) === 1,
    ping: () => viaRedis(async () => (await redis.ping()) === 'PONG').catch(() => false),
  };
}

// The JSON values were written by this store from typed objects.
function toRecord(hash: Record<string, string>): UserRecord | null {
  const profile = hash[PROFILE];
  if (profile === undefined) return null;
  const record: UserRecord = { user: JSON.parse(profile) as User, llmKeys: {}, oauth: {} };
  for (const provider of LLM_PROVIDERS) {
    const sealed = hash[llmField(provider)];
    if (sealed !== undefined)
      record.llmKeys[provider] = { sealed, lastUsedAt: hash[usedField(provider)] ?? null };
  }
  for (const provider of OAUTH_PROVIDERS) {
    const token = hash[oauthField(provider)];
    if (token !== undefined) record.oauth[provider] = JSON.parse(token) as OAuthToken;
  }
  return record;
}
