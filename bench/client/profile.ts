/**
 * Profiling driver for the `client` suite: loads the upstream with one client variant, as the suite does, for
 * a while, so that `--cpu-prof` records only that client (plus tsx start-up, which `--skip` drops).
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/client/profile.ts switchboard 10
 *   npx tsx bench/server/profile-summary.ts /tmp/prof/<file>.cpuprofile --skip 4
 *
 * Prints rps and CPU µs per request of the measured window.
 */
import { randomBytes } from 'node:crypto';
import { createObservability } from '../observed/observability.js';
import { startOtlpSink } from '../observed/sink-process.js';
import { closedLoop } from './closed-loop.js';
import { startUpstream } from './upstream-process.js';
import { createVariant, VARIANTS, type Variant } from './variants.js';

const variant = process.argv[2] as Variant;
const seconds = Number(process.argv[3] ?? '10');
if (!VARIANTS.includes(variant) || !(seconds > 0)) {
  console.error(`usage: profile.ts <${VARIANTS.join('|')}> [seconds]`);
  process.exit(2);
}

const token = randomBytes(32).toString('hex');
const upstream = await startUpstream(token);
const sink = await startOtlpSink();
const observability = {
  switchboard: createObservability('bench-client-profile', sink.endpoint, 'switchboard'),
  sdk: createObservability('bench-client-profile', sink.endpoint, 'sdk'),
};
try {
  const client = createVariant(variant, upstream.baseUrl, token, observability);
  client.before?.();
  const loop = await closedLoop(client.call, 50, 2_000, seconds * 1000);
  client.after?.();
  await client.close();
  const rps = Math.round(loop.requests / loop.seconds);
  const cpuUs = ((loop.cpuSeconds * 1e6) / loop.requests).toFixed(1);
  console.log(`${variant}: ${rps} req/s, ${cpuUs} µs CPU/request over ${loop.seconds.toFixed(1)} s`);
} finally {
  await Promise.all([observability.switchboard.shutdown(), observability.sdk.shutdown()]);
  await Promise.all([upstream.stop(), sink.stop()]);
}
