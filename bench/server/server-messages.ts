/** IPC messages between the `server` suite and its server child (`serve.ts`). */

/** Parent → child: report CPU time, or close and exit. */
export type ParentMessage = { type: 'cpu' } | { type: 'stop' };

/** Child → parent: listening on `port`, or CPU seconds (user + system) used since the child started. */
export type ChildMessage = { type: 'listening'; port: number } | { type: 'cpu'; seconds: number };
