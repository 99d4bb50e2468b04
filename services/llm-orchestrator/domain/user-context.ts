import type { NotionServiceClient } from '../../../generated/notion-service/client.js';
import type { LlmKeys, UserServiceFacade, UserServiceFailure } from './user-service-facade.js';

/** A user's LLM keys by provider, and whether Notion context is available. */
export interface UserContext {
  keys: LlmKeys;
  notionToken: string | null;
  degraded: ('user-service' | 'notion-service')[];
}

/** The user's Notion token (null when not connected) and whether notion-service failed. */
export interface NotionContext {
  notionToken: string | null;
  degraded: ('user-service' | 'notion-service')[];
}

/**
 * Fetches the user's keys (user-service, essential) and Notion context (notion-service, optional) in
 * parallel. A user unknown to user-service has no keys; a notion-service failure only marks it degraded.
 */
export async function fetchUserContext(
  users: UserServiceFacade,
  notion: NotionServiceClient,
  uid: string,
): Promise<UserContext | UserServiceFailure> {
  const [keys, context] = await Promise.all([users.getApiKeys(uid), fetchNotionContext(notion, uid)]);
  if ('failed' in keys) return keys;
  return { keys, ...context };
}

/** The user's Notion context; a notion-service failure only marks it degraded. */
export async function fetchNotionContext(notion: NotionServiceClient, uid: string): Promise<NotionContext> {
  const context = await notion.getNotionContext({ path: { userId: uid } });
  if (!context.ok) return { notionToken: null, degraded: ['notion-service'] };
  return { notionToken: context.value.connected ? context.value.token : null, degraded: [] };
}
