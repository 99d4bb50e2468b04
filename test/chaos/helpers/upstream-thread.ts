import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { UpstreamAttempt } from './fault-upstream.js';
import type { PlanSpec } from './plans.js';

/** What the upstream saw, with every time on this thread's `performance.now()` clock. */
export interface UpstreamSnapshot {
  attempts: UpstreamAttempt[];
  openSockets: number;
  /** Messages the sendMessage answer really sent (one per Idempotency-Key). */
  messagesSent: number;
}

/** A fault upstream running in a worker thread: its own event loop, like the remote service it stands for. */
export interface UpstreamThread {
  readonly url: string;
  readonly port: number;
  snapshot(): Promise<UpstreamSnapshot>;
  setPlan(spec: PlanSpec): Promise<void>;
  close(): Promise<void>;
}

const TIME_FIELDS = ['arrivedAt', 'deliveredAt', 'answeredAt', 'closedAt'] as const;

/**
 * Starts `upstream-worker.ts` in a worker thread (TypeScript through tsx's loader) and talks to it by
 * messages. Running the upstream off this thread keeps the client's own event-loop stalls out of what the
 * upstream observes (when a request arrives, when its connection closes).
 */
export async function startUpstreamThread(spec: PlanSpec): Promise<UpstreamThread> {
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve('tsx/esm/api')).href;
  const entry = new URL('./upstream-worker.ts', import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData: { spec },
  });
  const ready = await new Promise<{ url: string; port: number; timeOrigin: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('upstream worker did not start within 20 s')), 20_000);
    worker.once('error', reject);
    worker.on('message', (m: { ready?: { url: string; port: number; timeOrigin: number } }) => {
      if (m.ready === undefined) return;
      clearTimeout(timer);
      resolve(m.ready);
    });
  });
  const shift = ready.timeOrigin - performance.timeOrigin;
  let nextId = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  worker.on('message', (m: { id?: number; result?: unknown }) => {
    if (m.id === undefined) return;
    waiting.get(m.id)?.(m.result);
    waiting.delete(m.id);
  });
  const ask = (op: 'attempts' | 'plan' | 'close', extra: { spec?: PlanSpec } = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++nextId;
      waiting.set(id, resolve);
      worker.postMessage({ id, op, ...extra });
    });
  return {
    url: ready.url,
    port: ready.port,
    snapshot: async () => {
      const s = (await ask('attempts')) as UpstreamSnapshot;
      for (const a of s.attempts)
        for (const f of TIME_FIELDS) if (a[f] !== undefined) a[f] = (a[f] as number) + shift;
      return s;
    },
    setPlan: async (next) => {
      await ask('plan', { spec: next });
    },
    close: async () => {
      await ask('close');
      await worker.terminate();
    },
  };
}

/** Attempts still waiting on the upstream: neither answered nor closed. */
export function pendingAttempts(s: UpstreamSnapshot): UpstreamAttempt[] {
  return s.attempts.filter((a) => a.answeredAt === undefined && a.closedAt === undefined);
}

/** The attempts of the requests whose `x-chaos-request` starts with `prefix` (one test's share of an upstream). */
export function attemptsOf(prefix: string, attempts: UpstreamAttempt[]): UpstreamAttempt[] {
  return attempts.filter((a) => a.requestId?.startsWith(prefix) === true);
}
