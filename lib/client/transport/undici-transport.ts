import { Agent, request } from 'undici';
import { LightRequest } from './light-request.js';
import { LightResponse } from './light-response.js';

/** Options of `createTransport`. */
export interface TransportOptions {
  /** How long an idle pooled connection is kept, in ms; keep it below the servers' keep-alive. Default 4000. */
  keepAliveTimeoutMs?: number;
  /** Most connections per origin. Default 64. */
  connectionsPerOrigin?: number;
  /** Connect timeout in ms. Default 2000. */
  connectTimeoutMs?: number;
}

/** Connection counts of one origin's pool. */
export interface PoolCounters {
  connected: number;
  free: number;
  pending: number;
  running: number;
}

/** A fetch function for openapi-fetch over undici's `request`, with one keep-alive pool per origin. */
export interface Transport {
  /** Sends one request on the pool; what `fetch` does with a LightRequest's fields. */
  send(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: string | Uint8Array | null,
    signal: AbortSignal | null,
  ): Promise<LightResponse>;
  fetch: (request: Request) => Promise<Response>;
  Request: typeof Request;
  /** Pool counters by origin. */
  stats(): Record<string, PoolCounters>;
  /** Closes every pooled connection. */
  close(): Promise<void>;
}

/**
 * The default transport of generated clients: openapi-fetch builds a LightRequest, this sends it with
 * `undici.request` on a pooled keep-alive connection and hands back a LightResponse. An aborted signal
 * destroys the socket; empty bodies are drained so the connection goes back to the pool.
 */
export function createTransport(options: TransportOptions = {}): Transport {
  const agent = new Agent({
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 4000,
    keepAliveMaxTimeout: options.keepAliveTimeoutMs ?? 4000,
    connections: options.connectionsPerOrigin ?? 64,
    connect: { timeout: options.connectTimeoutMs ?? 2000 },
  });
  const send: Transport['send'] = async (url, method, headers, body, signal) => {
    const res = await request(url, {
      method: method as 'GET',
      headers,
      body,
      signal: signal ?? undefined,
      dispatcher: agent,
    });
    if (
      res.statusCode === 204 ||
      res.statusCode === 304 ||
      method === 'HEAD' ||
      res.headers['content-length'] === '0'
    )
      await res.body.dump();
    return new LightResponse(res.statusCode, res.headers, res.body, url);
  };
  const fetch = (req: LightRequest) => send(req.url, req.method, req.headers, req.body, req.signal);
  return {
    send,
    // openapi-fetch is typed against the WHATWG classes; these implement the part of them it uses.
    fetch: fetch as unknown as (request: Request) => Promise<Response>,
    Request: LightRequest as unknown as typeof Request,
    stats: () => {
      const out: Record<string, PoolCounters> = {};
      for (const [origin, s] of Object.entries(agent.stats)) {
        const stats = s as Partial<PoolCounters>;
        out[origin] = {
          connected: stats.connected ?? 0,
          free: stats.free ?? 0,
          pending: stats.pending ?? 0,
          running: stats.running ?? 0,
        };
      }
      return out;
    },
    close: () => agent.close(),
  };
}

let shared: Transport | undefined;

/** The process-wide transport clients use when given no `fetch`: one pool per origin for all of them. */
export function defaultTransport(): Transport {
  shared ??= createTransport();
  return shared;
}
