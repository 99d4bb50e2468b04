/**
 * Profiling driver for the `server` suite: starts one variant's server child with `--cpu-prof` (writing to
 * `<dir>`) and the OTLP sink, loads it as the suite does for a while, and prints its requests per second.
 *
 *   npx tsx bench/server/profile.ts generated_observed /tmp/prof 10
 *   npx tsx bench/server/profile-summary.ts /tmp/prof/<file>.cpuprofile --skip 3
 *
 * A dir of `-` runs the server without the profiler (its requests per second alone).
 */

import { canPin, pinSelf } from '../cpu-pin.js';
import { SINK_ENV } from '../observed/observability.js';
import { startOtlpSink } from '../observed/sink-process.js';
import { runLoad } from './load.js';
import { startServer } from './server-process.js';
import { REQUEST_PATH, requestHeaders, VARIANTS, type Variant } from './variants.js';

const variant = process.argv[2] as Variant;
const dir = process.argv[3];
const seconds = Number(process.argv[4] ?? '10');
if (!VARIANTS.includes(variant) || dir === undefined || !(seconds > 0)) {
  console.error(`usage: profile.ts <${VARIANTS.join('|')}> <profile dir> [seconds]`);
  process.exit(2);
}

const token = 'profile-token-profile-token-profile-token';
// Pinned as the suite pins (load generator and sink on CPU 0, server on CPU 1) when the machine allows it.
const pinned = canPin() && pinSelf(0);
const sink = await startOtlpSink(pinned ? 0 : undefined);
const server = await startServer(variant, token, dir === '-' ? undefined : dir, pinned ? 1 : undefined, {
  [SINK_ENV]: sink.endpoint,
});
try {
  const url = `http://127.0.0.1:${server.port}${REQUEST_PATH}`;
  const result = await runLoad({
    url,
    headers: requestHeaders(token),
    connections: 50,
    durationSeconds: seconds,
  });
  console.log(`${variant}: ${Math.round(result.rps)} req/s over ${seconds} s, profile in ${dir}`);
} finally {
  await server.stop();
  await sink.stop();
}
