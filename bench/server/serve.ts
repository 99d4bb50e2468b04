/**
 * Server child of the `server` suite: `node --import tsx bench/server/serve.ts <variant>`, forked with an IPC
 * channel. Builds the variant, listens on 127.0.0.1 (port 0) and sends `{type: 'listening', port}`; answers
 * `{type: 'cpu'}` with its CPU time so far; on `{type: 'stop'}` or SIGTERM closes the app and exits 0 (an
 * ordinary exit, so `--cpu-prof` writes its profile).
 */
import type { ChildMessage, ParentMessage } from '../listening-child.js';
import { buildVariant, TOKEN_ENV, VARIANTS, type Variant } from './variants.js';

const variant = process.argv[2] as Variant;
const token = process.env[TOKEN_ENV];
if (!VARIANTS.includes(variant) || token === undefined || process.send === undefined) {
  console.error(`usage: forked with ${TOKEN_ENV} set, argument one of ${VARIANTS.join(', ')}`);
  process.exit(2);
}
const send = (message: ChildMessage) => process.send?.(message);

const app = await buildVariant(variant, token);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error(`unexpected address ${String(address)}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  app.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('disconnect', stop); // the suite died: do not linger
process.on('message', (message: ParentMessage) => {
  if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    send({ type: 'cpu', seconds: (user + system) / 1e6 });
  } else if (message.type === 'stop') stop();
});
send({ type: 'listening', port: address.port });
