import type { RouteTable } from './route-table.js';

/**
 * `routes` with some operations moved to other URLs (`{ publishNewEvent: '/hooks/events' }`): a generated
 * webhook table says where each webhook is received by default, the app decides. Unknown ids throw.
 */
export function withRouteUrls(
  routes: RouteTable,
  urls: Readonly<Record<string, string | undefined>> | undefined,
): RouteTable {
  if (urls === undefined) return routes;
  const out = { ...routes };
  for (const [id, url] of Object.entries(urls)) {
    const route = routes[id];
    if (route === undefined) throw new Error(`no webhook or callback '${id}' to move to ${String(url)}`);
    if (url !== undefined) out[id] = { ...route, url };
  }
  return out;
}
