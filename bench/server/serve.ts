/**
 * Server child of the `server` suite: `node --import tsx bench/server/serve.ts <variant>`, started by
 * `listening-child.ts`. Builds the variant, listens on 127.0.0.1 (port 0), prints `{"listening": port}` and
 * closes the app and exits when stdin closes or on SIGTERM.
 */
import { announceListening } from '../serve-until-stopped.js';
import { buildVariant, TOKEN_ENV, VARIANTS, type Variant } from './variants.js';

const variant = process.argv[2] as Variant;
const token = process.env[TOKEN_ENV];
if (!VARIANTS.includes(variant) || token === undefined) {
  console.error(`usage: ${TOKEN_ENV}=<token> serve.ts <${VARIANTS.join('|')}>`);
  process.exit(2);
}

const app = await buildVariant(variant, token);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error(`unexpected address ${String(address)}`);
announceListening(address.port, () => app.close());
