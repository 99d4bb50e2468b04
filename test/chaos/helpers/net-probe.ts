import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { quantile } from './load.js';

/**
 * A loopback delivery clock: a TCP pair in this process sends a sequence number every `everyMs` and records
 * when each arrives. A probe sent right after an event shows how long this machine (kernel softirq, a busy
 * event loop) takes to deliver a packet at that moment, so the upstream's view of a close can be judged
 * against what delivery itself costs. On an idle machine a probe arrives in well under 1 ms.
 */
export interface NetProbe {
  /** When the first probe sent at or after `t` arrived (`performance.now()` ms); undefined if none yet. */
  arrivalAfter(t: number): number | undefined;
  /** Delivery delay of every probe so far, ms. */
  delays(): number[];
  summary(): string;
  close(): Promise<void>;
}

export async function startNetProbe(everyMs = 5): Promise<NetProbe> {
  const sent: number[] = [];
  const arrived: number[] = [];
  const accepted = new Set<Socket>();
  const server = createServer((socket) => {
    accepted.add(socket);
    socket.setNoDelay(true);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const now = performance.now();
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4) {
        arrived[pending.readUInt32BE(0)] = now;
        pending = pending.subarray(4);
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const client = connect({ port, host: '127.0.0.1', noDelay: true });
  client.on('error', () => {});
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  const tick = setInterval(() => {
    const seq = sent.length;
    const buf = Buffer.alloc(4);
    buf.writeUInt32BE(seq);
    sent.push(performance.now());
    client.write(buf);
  }, everyMs);
  tick.unref();

  const delays = () => sent.flatMap((s, i) => (arrived[i] === undefined ? [] : [(arrived[i] as number) - s]));
  return {
    arrivalAfter: (t) => {
      let lo = 0;
      let hi = sent.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((sent[mid] as number) < t) lo = mid + 1;
        else hi = mid;
      }
      return arrived[lo];
    },
    delays,
    summary: () => {
      const d = delays();
      return `loopback delivery (ms): n=${d.length} p50 ${quantile(d, 0.5).toFixed(1)} p99 ${quantile(d, 0.99).toFixed(1)} max ${Math.max(...d).toFixed(1)}`;
    },
    close: async () => {
      clearInterval(tick);
      client.destroy();
      for (const s of accepted) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
