import { Agent, createServer, type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it reached the relay, before it went on to the target. */
export interface RelayedRequest {
  method: string;
  /** Path and query, e.g. `/internal/users/usr_7f3a9c/llm-keys`. */
  path: string;
  /** Headers as sent by the caller (lower-case names), without the ones the relay adds. */
  headers: IncomingHttpHeaders;
  /** The caller's local port: requests with the same one came over the same connection. */
  remotePort: number | undefined;
}

/** A loopback HTTP relay in front of a mock, recording what callers send. */
export interface RecordingRelay {
  /** Base URL to give a client instead of the target's. */
  url: string;
  /** Stops listening and drops every connection (pooled keep-alive ones included). */
  close(): Promise<void>;
}

/**
 * Starts a relay on 127.0.0.1:0 that forwards each request to `target` with `addHeaders` added (a Prism
 * `Prefer` scenario, so the caller's own client needs no test-only headers) and reports it to `onRequest`
 * first. A target that cannot be reached answers 502.
 */
export async function startRelay(
  target: string,
  addHeaders: Record<string, string>,
  onRequest: (request: RelayedRequest) => void,
): Promise<RecordingRelay> {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const added = Object.fromEntries(Object.entries(addHeaders).map(([k, v]) => [k.toLowerCase(), v]));
  const server = createServer((inbound, outbound) => {
    const path = inbound.url ?? '/';
    onRequest({
      method: inbound.method ?? 'GET',
      path,
      headers: { ...inbound.headers },
      remotePort: inbound.socket.remotePort,
    });
    const upstream = request(new URL(path, target), {
      method: inbound.method,
      headers: { ...inbound.headers, host: new URL(target).host, ...added },
      agent,
    });
    upstream.on('response', (answer) => {
      outbound.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outbound);
    });
    upstream.on('error', () => {
      if (!outbound.headersSent) outbound.writeHead(502).end();
      else outbound.destroy();
    });
    inbound.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      agent.destroy();
    },
  };
}
