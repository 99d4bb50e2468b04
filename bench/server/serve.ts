/**
 * Server child of the `server` suite: `node --import tsx bench/server/serve.ts <variant>`, started by
 * `listening-child.ts`. Builds the variant, listens on 127.0.0.1 (port 0), prints `{"listening": port}` and
 * closes the app and exits when stdin closes or on SIGTERM.
 */

import { createObservability, SINK_ENV } from '../observed/observability.js';
import { announceListening } from '../serve-until-stopped.js';
import {
  buildVariant,
  OBSERVED_VARIANTS,
  SAMPLED_RATIO,
  TOKEN_ENV,
  VARIANTS,
  type Variant,
} from './variants.js';

const variant = process.argv[2] as Variant;
const token = process.env[TOKEN_ENV];
if (!VARIANTS.includes(variant) || token === undefined) {
  console.error(`usage: ${TOKEN_ENV}=<token> serve.ts <${VARIANTS.join('|')}>`);
  process.exit(2);
}

const sink = process.env[SINK_ENV];
let observability: ReturnType<typeof createObservability> | undefined;
if (OBSERVED_VARIANTS.includes(variant)) {
  if (sink === undefined) throw new Error(`${variant} needs ${SINK_ENV}, the OTLP sink's endpoint`);
  // Registered before the app is built, as a service's SDK start is (the telemetry plugin hooks in then).
  observability = createObservability(
    `bench-${variant}`,
    sink,
    variant === 'fastify_otel' ? 'sdk' : 'switchboard',
    variant === 'generated_observed_sampled' ? SAMPLED_RATIO : 1,
    variant === 'generated_traced_unexported'
      ? 'unexported'
      : variant === 'generated_metrics_only'
        ? 'none'
        : 'exported',
  );
  observability.enable();
}
const app = await buildVariant(variant, token);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error(`unexpected address ${String(address)}`);
announceListening(address.port, async () => {
  await app.close();
  await observability?.shutdown();
});
