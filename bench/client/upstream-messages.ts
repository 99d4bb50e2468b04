/** What the `client` suite and its upstream child (`upstream.ts`) share. */

/** Environment variable through which the suite hands the accepted internal token to the child. */
export const UPSTREAM_TOKEN_ENV = 'SWITCHBOARD_BENCH_CLIENT_TOKEN';

/** The path every client variant requests (one fixed user, so the load is one route). */
export const REQUEST_PATH = '/internal/notion/users/user-0001/context';

/** The user ID in {@link REQUEST_PATH}, as a typed client takes it. */
export const USER_ID = 'user-0001';

/** The upstream's fixed answer (the spec's `connected` example). */
export const CONTEXT_BODY = {
  connected: true,
  token: 'secret_3xAmPl3NotionIntegrationToken0000000000',
} as const;
