import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** What the sweep remembers of one connection. */
interface Activity {
  bytes: number;
  since: number;
}

/**
 * Destroys every connection of `server` that has moved no bytes, in or out, for `idleMs`: a handler that never
 * answers, a client that stopped reading its answer. Checked by one unref'd interval (every `idleMs / 10`,
 * 10 ms to 1 s) over the open connections instead of Node's per-socket timeout (`server.timeout`, Fastify's
 * `connectionTimeout`), which is re-armed with a new timer and bound function on every request and refreshed
 * on every read and write: that cost about a fifth of a generated route's CPU per request (the `server`
 * bench, A/B). A stalled connection is closed between `idleMs` and `idleMs` + one interval after its last byte.
 */
export function closeStalledConnections(server: Server, idleMs: number): void {
  if (!(Number.isFinite(idleMs) && idleMs > 0))
    throw new RangeError(`idleMs must be a positive number, got ${idleMs}`);
  const everyMs = Math.min(1000, Math.max(10, Math.floor(idleMs / 10)));
  const connections = new Map<Socket, Activity>();
  let timer: NodeJS.Timeout | undefined;
  const sweep = () => {
    const now = performance.now(); // monotonic: a wall-clock step must not close busy connections
    for (const [socket, activity] of connections) {
      const bytes = socket.bytesRead + socket.bytesWritten;
      if (bytes !== activity.bytes) {
        activity.bytes = bytes;
        activity.since = now;
      } else if (now - activity.since >= idleMs) {
        connections.delete(socket);
        socket.destroy();
      }
    }
  };
  server.on('connection', (socket: Socket) => {
    connections.set(socket, { bytes: socket.bytesRead + socket.bytesWritten, since: performance.now() });
    socket.once('close', () => connections.delete(socket));
    if (timer === undefined) {
      timer = setInterval(sweep, everyMs);
      timer.unref();
    }
  });
  server.once('close', () => {
    clearInterval(timer);
    timer = undefined; // a server that listens again gets a new sweep
    connections.clear();
  });
}
