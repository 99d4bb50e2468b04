import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { quantile } from './load.js';

/**
 * The machine's own delays, measured on a worker thread that the code under test never runs on: a timer that
 * ticks every `periodMs`, and a loopback TCP pair inside the worker that sends a probe on every tick and echoes
 * it back. A busy machine (other processes, the kernel) delays these ticks and probes as it delays the client;
 * a client that blocks its own event loop does not, so allowances derived from them do not forgive it.
 */
export interface ReferenceThread {
  /** Copies what the worker recorded so far (times on this thread's `performance.now()` clock). */
  sample(): Promise<ReferenceSample>;
  close(): Promise<void>;
}

/** What the reference thread recorded, with every time on this thread's `performance.now()` clock. */
export interface ReferenceSample {
  /**
   * How late a timer due at `at` fired on the reference thread: the first tick at or after `at` less one
   * period (ticks are that far apart when nothing stalls), at least 0. Infinity if no tick came after `at`.
   */
  timerLagAt(at: number): number;
  /** When the first probe sent at or after `at` reached the worker's server; undefined if none yet. */
  arrivalAfter(at: number): number | undefined;
  /** The round trip of the first probe sent at or after `at` (send, deliver, echo, deliver back). */
  roundTripAfter(at: number): number | undefined;
  summary(): string;
}

/** `Date.now()`-based time (as deadlines are) on this thread's `performance.now()` clock. */
export function perfTimeOf(epochMs: number): number {
  return epochMs - performance.timeOrigin;
}

// Plain JavaScript, so the worker needs no TypeScript loader. Times are sent as the worker's performance.now()
// plus its timeOrigin (epoch ms, fractional); the parent subtracts its own timeOrigin.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createServer, connect } = require('node:net');
const { performance } = require('node:perf_hooks');
const period = workerData.periodMs;
const epoch = () => performance.timeOrigin + performance.now();
const ticks = [], sent = [], arrived = [], returned = [];
const server = createServer((socket) => {
  socket.setNoDelay(true);
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    const now = epoch();
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4) {
      arrived[pending.readUInt32BE(0)] = now;
      socket.write(pending.subarray(0, 4));
      pending = pending.subarray(4);
    }
  });
  socket.on('error', () => {});
});
server.listen(0, '127.0.0.1', () => {
  const client = connect({ port: server.address().port, host: '127.0.0.1', noDelay: true });
  client.on('error', () => {});
  let back = Buffer.alloc(0);
  client.on('data', (chunk) => {
    const now = epoch();
    back = Buffer.concat([back, chunk]);
    while (back.length >= 4) {
      returned[back.readUInt32BE(0)] = now;
      back = back.subarray(4);
    }
  });
  client.once('connect', () => {
    const tick = () => {
      const now = epoch();
      ticks.push(now);
      const buf = Buffer.alloc(4);
      buf.writeUInt32BE(sent.length);
      sent.push(now);
      client.write(buf);
      timer = setTimeout(tick, period);
    };
    let timer = setTimeout(tick, period);
    parentPort.on('message', (m) => {
      if (m === 'sample') parentPort.postMessage({ ticks, sent, arrived, returned });
      if (m === 'close') {
        clearTimeout(timer);
        client.destroy();
        server.close();
        parentPort.postMessage('closed');
        parentPort.close();
      }
    });
    parentPort.postMessage('ready');
  });
});
`;

interface Recorded {
  ticks: number[];
  sent: number[];
  arrived: (number | null)[];
  returned: (number | null)[];
}

/** Index of the first value of ascending `values` at or after `at`. */
function firstAtOrAfter(values: readonly number[], at: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Starts the reference thread (tick and probe every `periodMs`, default 5) and waits for its first tick. */
export async function startReferenceThread(periodMs = 5): Promise<ReferenceThread> {
  const worker = new Worker(WORKER, { eval: true, workerData: { periodMs } });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      const onMessage = (m: unknown) => {
        worker.off('error', onError);
        resolve(m);
      };
      const onError = (e: Error) => {
        worker.off('message', onMessage);
        reject(e);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
    });
  await next(); // 'ready'
  const shift = -performance.timeOrigin;
  return {
    sample: async () => {
      const answer = next();
      worker.postMessage('sample');
      const r = (await answer) as Recorded;
      const local = (t: number | null | undefined) => (t === null || t === undefined ? undefined : t + shift);
      const ticks = r.ticks.map((t) => t + shift);
      const sent = r.sent.map((t) => t + shift);
      const probe = (at: number) => firstAtOrAfter(sent, at);
      const oneWay = sent.flatMap((s, i) =>
        r.arrived[i] == null ? [] : [(local(r.arrived[i]) as number) - s],
      );
      const lags = ticks.slice(1).map((t, i) => t - (ticks[i] as number) - periodMs);
      return {
        timerLagAt: (at) => {
          const t = ticks[firstAtOrAfter(ticks, at)];
          return t === undefined ? Number.POSITIVE_INFINITY : Math.max(0, t - at - periodMs);
        },
        arrivalAfter: (at) => local(r.arrived[probe(at)]),
        roundTripAfter: (at) => {
          const i = probe(at);
          const back = local(r.returned[i]);
          return back === undefined ? undefined : back - (sent[i] as number);
        },
        summary: () =>
          `reference thread (ms): tick lag p50 ${quantile(lags, 0.5).toFixed(1)} p99 ${quantile(lags, 0.99).toFixed(1)} max ${Math.max(0, ...lags).toFixed(1)}; loopback delivery n=${oneWay.length} p50 ${quantile(oneWay, 0.5).toFixed(1)} p99 ${quantile(oneWay, 0.99).toFixed(1)} max ${Math.max(0, ...oneWay).toFixed(1)}`,
      };
    },
    close: async () => {
      const closed = next();
      worker.postMessage('close');
      await closed;
      await worker.terminate();
    },
  };
}
