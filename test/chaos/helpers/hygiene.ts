import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, expect } from 'vitest';
import type { PoolCounters, Transport } from '../../../lib/client/index.js';

/** Unhandled rejections and process warnings seen since `watchProcess()`. */
export interface ProcessWatch {
  unhandled: unknown[];
  warnings: Error[];
  /** Only the MaxListenersExceeded warnings. */
  maxListeners(): Error[];
  stop(): void;
}

/** Records every unhandled rejection and process warning (MaxListenersExceeded among them) until `stop()`. */
export function watchProcess(): ProcessWatch {
  const unhandled: unknown[] = [];
  const warnings: Error[] = [];
  const onRejection = (reason: unknown) => unhandled.push(reason);
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on('unhandledRejection', onRejection);
  process.on('warning', onWarning);
  return {
    unhandled,
    warnings,
    maxListeners: () => warnings.filter((w) => w.name === 'MaxListenersExceededWarning'),
    stop: () => {
      process.off('unhandledRejection', onRejection);
      process.off('warning', onWarning);
    },
  };
}

/** Makes every test of the file fail on an unhandled rejection or a MaxListenersExceeded warning during it. */
export function expectCleanProcess(): void {
  let watch: ProcessWatch | undefined;
  beforeEach(() => {
    watch = watchProcess();
  });
  afterEach(() => {
    watch?.stop();
    expect(watch?.unhandled, 'unhandled rejections').toEqual([]);
    expect(watch?.maxListeners(), 'MaxListenersExceeded warnings').toEqual([]);
  });
}

/** Sums the pool counters of every origin. */
export function poolTotals(transport: Transport): PoolCounters {
  const total: PoolCounters = { connected: 0, free: 0, pending: 0, running: 0 };
  for (const s of Object.values(transport.stats())) {
    total.connected += s.connected;
    total.free += s.free;
    total.pending += s.pending;
    total.running += s.running;
  }
  return total;
}

/** Polls `check` every 10 ms until it holds or `withinMs` (real time, even under a fake Date) passes. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  withinMs: number,
): Promise<boolean> {
  const until = performance.now() + withinMs;
  while (!(await check())) {
    if (performance.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

/**
 * Waits until the transport has nothing running or queued and no connection left: give it a short
 * `keepAliveTimeoutMs` so idle connections go by themselves, or close the upstreams first.
 */
export async function poolDrained(transport: Transport, withinMs = 2000): Promise<PoolCounters> {
  await eventually(() => {
    const t = poolTotals(transport);
    return t.connected === 0 && t.pending === 0 && t.running === 0;
  }, withinMs);
  return poolTotals(transport);
}
