import diagnostics from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Transport } from '../../../lib/client/index.js';

/** One logical call of a load run; times are epoch ms (`Date.now()`), comparable with deadlines. */
export interface CallRecord<R> {
  index: number;
  startedAt: number;
  settledAt?: number;
  result?: R;
  /** Set if the call rejected, which a generated client must never do. */
  rejection?: unknown;
}

/** The outcome of `fixedRate`: every call started, and how many had not settled when the time bound hit. */
export interface LoadRun<R> {
  records: CallRecord<R>[];
  unsettled: number;
  /** Calls that rejected instead of resolving with a Result. */
  rejected: number;
  elapsedMs: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/**
 * Open-loop load: starts call `i` at `i × intervalMs` (catching up if late, never waiting for earlier calls), at most
 * `count` calls and none after `maxMs`; then waits for them to settle, but never past `maxMs + settleMs`.
 */
export async function fixedRate<R>(
  options: { count: number; intervalMs: number; maxMs: number; settleMs: number },
  call: (index: number) => Promise<R>,
): Promise<LoadRun<R>> {
  const t0 = performance.now();
  const records: CallRecord<R>[] = [];
  const settled: Promise<void>[] = [];
  const start = (i: number) => {
    const record: CallRecord<R> = { index: i, startedAt: Date.now() };
    records.push(record);
    settled.push(
      call(i).then(
        (result) => {
          record.settledAt = Date.now();
          record.result = result;
        },
        (error: unknown) => {
          record.settledAt = Date.now();
          record.rejection = error ?? new Error('rejected without a reason');
        },
      ),
    );
  };
  let next = 0;
  while (next < options.count) {
    const elapsed = performance.now() - t0;
    if (elapsed > options.maxMs) break;
    // Catch up when the machine fell behind: the rate is fixed, not the gap between two starts.
    const due = Math.min(options.count, Math.floor(elapsed / options.intervalMs) + 1);
    while (next < due) start(next++);
    await sleep(t0 + next * options.intervalMs - performance.now());
  }
  let bound: NodeJS.Timeout | undefined;
  const timeLeft = options.maxMs + options.settleMs - (performance.now() - t0);
  await Promise.race([
    Promise.allSettled(settled),
    new Promise<void>((r) => {
      bound = setTimeout(r, timeLeft);
    }),
  ]);
  clearTimeout(bound);
  return {
    records,
    unsettled: records.filter((r) => r.settledAt === undefined).length,
    rejected: records.filter((r) => r.rejection !== undefined).length,
    elapsedMs: performance.now() - t0,
  };
}

/** What the client side saw of one attempt (`performance.now()` ms). */
export interface AttemptTrace {
  attemptId: string;
  startedAt: number;
  /** When the attempt's signal aborted, and the PolicyError code it aborted with. */
  abortedAt?: number;
  abortCode?: string;
  /** The pooled socket undici wrote this attempt on (from its `undici:client:sendHeaders` channel). */
  socket?: Socket;
  /** Whether that socket was destroyed by the loop turn after the abort (undefined: not written yet). */
  destroyedAfterAbort?: boolean;
}

/**
 * Wraps a transport's `send` to tag every attempt with a unique `x-chaos-attempt` header and record when its
 * signal aborts and whether undici destroyed its socket right away, so the upstream's view of a connection
 * can be matched with the client's. `dispose()` unsubscribes from undici's diagnostics channel.
 */
export function tracedTransport(inner: Transport): {
  transport: Transport;
  traces: Map<string, AttemptTrace>;
  dispose(): void;
} {
  const traces = new Map<string, AttemptTrace>();
  const prefix = `t${Math.random().toString(36).slice(2, 8)}-`;
  let n = 0;
  const onSend = (message: unknown) => {
    const { headers, socket } = message as { headers?: unknown; socket?: Socket };
    if (typeof headers !== 'string') return;
    const id = /^x-chaos-attempt: *(\S+)\r?$/im.exec(headers)?.[1];
    const trace = id === undefined ? undefined : traces.get(id);
    if (trace !== undefined && socket !== undefined) trace.socket = socket;
  };
  diagnostics.subscribe('undici:client:sendHeaders', onSend);
  return {
    traces,
    dispose: () => diagnostics.unsubscribe('undici:client:sendHeaders', onSend),
    transport: {
      ...inner,
      send: (url, method, headers, body, signal) => {
        const trace: AttemptTrace = { attemptId: `${prefix}${++n}`, startedAt: performance.now() };
        traces.set(trace.attemptId, trace);
        const tagged = { ...headers, 'x-chaos-attempt': trace.attemptId };
        signal?.addEventListener(
          'abort',
          () => {
            trace.abortedAt = performance.now();
            trace.abortCode = (signal.reason as { code?: string } | undefined)?.code ?? 'unknown';
            setImmediate(() => {
              if (trace.socket !== undefined) trace.destroyedAfterAbort = trace.socket.destroyed;
            });
          },
          { once: true },
        );
        return inner.send(url, method, tagged, body, signal);
      },
    },
  };
}

/** The q-quantile (0–1) of `values` (nearest rank); NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** Counts of each distinct value. */
export function tally(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** `a, a, a, b` as `3× a, b`: a sequence of outcomes, run-length encoded for printing. */
export function runs(values: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j < values.length && values[j] === values[i]) j++;
    out.push(j - i > 1 ? `${j - i}× ${values[i]}` : String(values[i]));
    i = j;
  }
  return out.join(', ');
}
