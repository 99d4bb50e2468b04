import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/** What the upstream does with one attempt. */
export type Fault =
  | { kind: 'ok' }
  /** Answers normally after `ms`. */
  | { kind: 'latency'; ms: number }
  /** Answers `status` (a 503 by default) with an Error body, optionally with `Retry-After`. */
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Destroys the connection as soon as the request head arrives, before reading the body. */
  | { kind: 'reset-before-body' }
  /** Reads the whole body (the request is delivered), then destroys the connection without answering. */
  | { kind: 'reset-after-body' }
  /** Reads the body and never answers. */
  | { kind: 'hang' }
  /** Sends the head and then one body byte every `byteEveryMs`, far slower than any attempt timeout. */
  | { kind: 'slow-body'; byteEveryMs: number };

/** What the upstream saw of one attempt; times are `performance.now()` ms. */
export interface UpstreamAttempt {
  seq: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** `x-chaos-attempt`, set per attempt by the test's fetch wrapper. */
  attemptId: string | undefined;
  /** `x-chaos-request`, set per logical call by the test. */
  requestId: string | undefined;
  /** 1 for the first attempt the upstream sees of `requestId`, 2 for the second… */
  nth: number;
  correlationId: string | undefined;
  idempotencyKey: string | undefined;
  fault: Fault['kind'];
  arrivedAt: number;
  body?: string;
  /** When the whole request body had been read: the request was delivered. */
  deliveredAt?: number;
  /** When the response was completely written. */
  answeredAt?: number;
  status?: number;
  /** When the connection closed while the response was still unfinished. */
  closedAt?: number;
  /** Who closed it: the upstream itself (a reset fault) or the client. */
  closedBy?: 'upstream' | 'client';
  /** The connection it came on (1, 2, …) and its position on it (1 for the connection's first request). */
  connection: number;
  onConnection: number;
}

export type FaultPlan = (attempt: UpstreamAttempt) => Fault;
export type Answer = (attempt: UpstreamAttempt) => { status: number; body: unknown };

export interface FaultUpstream {
  readonly url: string;
  readonly port: number;
  readonly attempts: UpstreamAttempt[];
  /** Decides each attempt's fault; may be swapped at any time (e.g. to recover). */
  plan: FaultPlan;
  /** Sockets currently open on the upstream side. */
  openSockets(): number;
  /** Attempts still waiting: neither answered nor closed. */
  pending(): UpstreamAttempt[];
  close(): Promise<void>;
}

const notionContext: Answer = () => ({ status: 200, body: { connected: false, token: null } });

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A plain `node:http` server on 127.0.0.1, port 0, that answers any path and injects the fault `plan`
 * chooses for each attempt, recording what it saw (arrival, delivery, answer, connection close).
 */
export async function startFaultUpstream(options: {
  plan: FaultPlan;
  answer?: Answer;
  /** Called when an attempt's body has been read, before its fault applies: the upstream acts on it here. */
  deliver?: (attempt: UpstreamAttempt) => void;
  port?: number;
}): Promise<FaultUpstream> {
  const answer = options.answer ?? notionContext;
  const attempts: UpstreamAttempt[] = [];
  const sockets = new Set<Socket>();
  const seenPerRequest = new Map<string, number>();
  const connectionOf = new WeakMap<Socket, { id: number; requests: number }>();
  let connections = 0;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void): NodeJS.Timeout => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    return t;
  };

  const send = (res: ServerResponse, a: UpstreamAttempt, status: number, body: unknown, extra = {}) => {
    if (res.destroyed) return;
    const text = JSON.stringify(body);
    a.status = status;
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...extra,
    });
    res.end(text);
  };

  const apply = (fault: Fault, req: IncomingMessage, res: ServerResponse, a: UpstreamAttempt) => {
    switch (fault.kind) {
      case 'ok': {
        const r = answer(a);
        return send(res, a, r.status, r.body);
      }
      case 'latency':
        later(fault.ms, () => {
          const r = answer(a);
          send(res, a, r.status, r.body);
        });
        return;
      case 'status':
        return send(
          res,
          a,
          fault.status,
          { error: 'Service unavailable', code: 'UNAVAILABLE' },
          fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter },
        );
      case 'reset-after-body':
        a.closedBy = 'upstream';
        req.socket.destroy();
        return;
      case 'hang':
        return;
      case 'slow-body': {
        const text = JSON.stringify({ connected: false, token: null, padding: 'x'.repeat(64) });
        a.status = 200;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': text.length });
        let sent = 0;
        let timer: NodeJS.Timeout | undefined;
        res.once('close', () => {
          clearTimeout(timer);
          if (timer !== undefined) timers.delete(timer);
        });
        const drip = () => {
          if (res.destroyed || sent >= text.length) return;
          res.write(text[sent++]);
          timer = later(fault.byteEveryMs, drip);
        };
        drip();
        return;
      }
      case 'reset-before-body':
        return; // handled before the body is read
    }
  };

  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    const requestId = header(req.headers, 'x-chaos-request');
    const nth = (seenPerRequest.get(requestId ?? '') ?? 0) + 1;
    seenPerRequest.set(requestId ?? '', nth);
    const conn = connectionOf.get(req.socket) ?? { id: 0, requests: 0 };
    conn.requests++;
    const a: UpstreamAttempt = {
      connection: conn.id,
      onConnection: conn.requests,
      seq: attempts.length,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      attemptId: header(req.headers, 'x-chaos-attempt'),
      requestId,
      nth,
      correlationId: header(req.headers, 'x-correlation-id'),
      idempotencyKey: header(req.headers, 'idempotency-key'),
      fault: 'ok',
      arrivedAt: performance.now(),
    };
    attempts.push(a);
    res.once('finish', () => {
      a.answeredAt = performance.now();
    });
    res.once('close', () => {
      if (res.writableFinished) return;
      a.closedAt = performance.now();
      a.closedBy ??= 'client';
    });
    const fault = upstream.plan(a);
    a.fault = fault.kind;
    if (fault.kind === 'reset-before-body') {
      a.closedBy = 'upstream';
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => {
      a.body = Buffer.concat(chunks).toString('utf8');
      a.deliveredAt = performance.now();
      options.deliver?.(a);
      apply(fault, req, res, a);
    });
  });
  server.on('connection', (socket: Socket) => {
    connectionOf.set(socket, { id: ++connections, requests: 0 });
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const upstream: FaultUpstream = {
    url: `http://127.0.0.1:${port}`,
    port,
    attempts,
    plan: options.plan,
    openSockets: () => sockets.size,
    pending: () => attempts.filter((a) => a.answeredAt === undefined && a.closedAt === undefined),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return upstream;
}
