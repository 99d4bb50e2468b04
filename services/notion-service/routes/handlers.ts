import { respond } from 'switchboard/server';
import type { NotionServiceHandlers } from '../../../generated/notion-service/server.js';
import type { ConnectionStore } from '../store/connection-store.js';

/** notion-service's handlers over a connection store; a store outage becomes 503 in the error handler. */
export function notionHandlers(store: ConnectionStore): NotionServiceHandlers {
  return {
    getNotionContext: async ({ params }) => {
      const token = await store.get(params.userId);
      return respond(200, token === null ? { connected: false, token: null } : { connected: true, token });
    },
    connectNotion: async ({ params, body }) => {
      await store.set(params.userId, body.token);
      return respond(204);
    },
    disconnectNotion: async ({ params }) => {
      await store.delete(params.userId);
      return respond(204);
    },
  };
}
