import type { NotionServiceClient } from '../../../generated/notion-service/client.js';
import type { UserServiceClient } from '../../../generated/user-service/client.js';

/** A user's LLM keys by provider, and whether Notion context is available. */
export interface UserContext {
  keys: { google: string | null; openai: string | null; anthropic: string | null };
  notionToken: string | null;
  degraded: ('user-service' | 'notion-service')[];
}

/** Why the essential dependency failed: 503 when it is refused locally (circuit open), else 502. */
export interface UserServiceFailure {
  failed: 502 | 503;
  code: string;
}

const NO_KEYS = { google: null, openai: null, anthropic: null };

/**
 * Fetches the user's keys (user-service, essential) and Notion context (notion-service, optional) in
 * parallel. A user unknown to user-service has no keys; a notion-service failure only marks it degraded.
 */
export async function fetchUserContext(
  users: UserServiceClient,
  notion: NotionServiceClient,
  uid: string,
): Promise<UserContext | UserServiceFailure> {
  const [keys, context] = await Promise.all([
    users.getLlmKeys({ path: { uid } }),
    notion.getNotionContext({ path: { userId: uid } }),
  ]);
  const degraded: UserContext['degraded'] = [];
  if (!context.ok) degraded.push('notion-service');
  const notionToken = context.ok && context.value.connected ? context.value.token : null;
  if (keys.ok) return { keys: keys.value, notionToken, degraded };
  if (keys.error.status === 404) return { keys: NO_KEYS, notionToken, degraded };
  const refused = keys.error.code === 'CIRCUIT_OPEN' || keys.error.code === 'BULKHEAD_FULL';
  return { failed: refused ? 503 : 502, code: keys.error.code };
}
