/**
 * Server child of the `sse` suite: `node --import tsx bench/sse/serve.ts <variant>`, started by
 * `listening-child.ts`. Builds the variant, listens on 127.0.0.1 (port 0), prints `{"listening": port}` and
 * closes the app and exits when stdin closes or on SIGTERM.
 */
import { announceListening } from '../serve-until-stopped.js';
import { API_KEY_ENV, buildServer, SERVERS, type Server } from './variants.js';

const variant = process.argv[2] as Server;
const apiKey = process.env[API_KEY_ENV];
if (!SERVERS.includes(variant) || apiKey === undefined) {
  console.error(`usage: ${API_KEY_ENV}=<key> serve.ts <${SERVERS.join('|')}>`);
  process.exit(2);
}

const app = await buildServer(variant, apiKey);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error(`unexpected address ${String(address)}`);
announceListening(address.port, () => app.close());
