import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNotionServiceClient, createUserServiceClient } from '../../../generated/index.js';
import { createTransport, type ReplicaEvent, type Transport } from '../../../lib/client/index.js';
import { fakeUpstream } from './fake-upstream.js';

/** A loopback replica of notion-service answering every request with `status` (changeable), counting hits. */
interface Replica {
  url: string;
  hits: number;
  status: number;
  server: Server;
}

async function replica(): Promise<Replica> {
  const r: Replica = { url: '', hits: 0, status: 200, server: createServer() };
  r.server.on('request', (req, res) => {
    r.hits++;
    req.resume();
    const body = r.status === 200 ? { connected: false, token: null } : { error: 'down' };
    res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}`;
  return r;
}

async function close(r: Replica): Promise<void> {
  if (!r.server.listening) return;
  r.server.closeAllConnections();
  await new Promise<void>((resolve) => r.server.close(() => resolve()));
}

const transport = createTransport();
const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 } };
let replicas: Replica[] = [];

beforeAll(async () => {
  replicas = [await replica(), await replica(), await replica()];
});
afterEach(() => {
  for (const r of replicas) {
    r.hits = 0;
    r.status = 200;
  }
});
afterAll(async () => {
  await Promise.all(replicas.map(close));
  await transport.close();
});

const notion = (events: ReplicaEvent[] = [], urls = replicas.map((r) => r.url), failureThreshold = 3) =>
  createNotionServiceClient({
    baseUrl: urls,
    transport,
    resilience: fast,
    replicas: { failureThreshold, onEvent: (e) => events.push(e) },
  });
const get = (client: ReturnType<typeof notion>) => client.getNotionContext({ path: { userId: 'u1' } });

describe('a client with several base URLs', () => {
  it('spreads its calls over every replica', async () => {
    const client = notion();
    for (let k = 0; k < 90; k++) expect((await get(client)).ok).toBe(true);
    for (const r of replicas) expect(r.hits).toBeGreaterThan(10);
  });

  it('sends the retry of an idempotent call to another replica than the one that failed', async () => {
    const [bad, good] = replicas as [Replica, Replica, Replica];
    bad.status = 503;
    // Never ejected here, so the failing replica keeps getting first attempts.
    const client = notion([], [bad.url, good.url], 1000);
    for (let k = 0; k < 20; k++) {
      const before = bad.hits;
      const r = await get(client);
      expect(r.ok).toBe(true);
      // A call that met the failing replica went there once, then to the other one.
      expect(bad.hits - before).toBeLessThanOrEqual(1);
    }
    expect(bad.hits).toBeGreaterThan(2);
    expect(good.hits).toBe(20);
  });

  it('ejects a dead replica and fails no call: a refused connection moves on at once, even for a POST', async () => {
    const dead = replicas[2] as Replica;
    const urls = replicas.map((r) => r.url);
    await close(dead);
    const events: ReplicaEvent[] = [];
    const client = notion(events, urls);
    for (let k = 0; k < 60; k++) {
      expect((await get(client)).ok).toBe(true);
    }
    expect(events).toEqual([{ type: 'ejected', base: dead.url, forMs: 1000 }]);
    const up = fakeUpstream(['refused', 201]);
    const users = createUserServiceClient({ baseUrl: urls, fetch: up.fetch, resilience: false });
    const created = await users.createUser(
      { body: { email: 'a@example.com', displayName: 'A' } },
      { credentials: { BearerAuth: 't' } },
    );
    expect(created.ok).toBe(true);
    expect(up.requests).toHaveLength(2);
    expect(new URL(up.requests[0]?.url ?? '').origin).not.toBe(new URL(up.requests[1]?.url ?? '').origin);
    replicas[2] = await replica();
  });

  it('does not move a non-idempotent POST that was reset after it was sent', async () => {
    const up = fakeUpstream(['reset', 201]);
    const users = createUserServiceClient({
      baseUrl: replicas.map((r) => r.url),
      fetch: up.fetch,
      resilience: false,
    });
    const created = await users.createUser(
      { body: { email: 'a@example.com', displayName: 'A' } },
      { credentials: { BearerAuth: 't' } },
    );
    expect(!created.ok && created.error.code).toBe('NETWORK_ERROR');
    expect(up.requests).toHaveLength(1);
  });

  it('with replicas.dns, balances over every address of the name, sending the name in Host, and looks again', async () => {
    const target = replicas[0] as Replica;
    const sent: { url: string; host: string | undefined }[] = [];
    // Records where each request was sent and hands it to the real replica, whatever address it names.
    const recording: Transport = {
      ...transport,
      send: (url, method, headers, body, signal) => {
        sent.push({ url, host: headers.host });
        return transport.send(url.replace(/^http:\/\/[^/]+/, target.url), method, headers, body, signal);
      },
    };
    let answers = [
      ['10.0.0.1', '10.0.0.2'],
      ['10.0.0.2', '10.0.0.3'],
    ];
    let lookups = 0;
    const lookup = async (name: string) => {
      expect(name).toBe('user-service.internal');
      lookups++;
      return answers[0] ?? [];
    };
    const client = createNotionServiceClient({
      baseUrl: 'http://user-service.internal:3002',
      transport: recording,
      replicas: { dns: { lookup, refreshMs: 1000 } },
    });
    for (let k = 0; k < 40; k++) expect((await get(client)).ok).toBe(true);
    expect(lookups).toBe(1);
    const origins = (from: number) => new Set(sent.slice(from).map((s) => new URL(s.url).origin));
    expect(origins(0)).toEqual(new Set(['http://10.0.0.1:3002', 'http://10.0.0.2:3002']));
    expect(new Set(sent.map((s) => s.host))).toEqual(new Set(['user-service.internal:3002']));
    expect(new URL(sent[0]?.url ?? '').pathname).toBe('/internal/notion/users/u1/context');
    answers = answers.slice(1);
    await new Promise((r) => setTimeout(r, 1050));
    await get(client); // finds the addresses stale: looks again behind this call
    const from = sent.length;
    for (let k = 0; k < 40; k++) expect((await get(client)).ok).toBe(true);
    expect(lookups).toBe(2);
    expect(origins(from)).toEqual(new Set(['http://10.0.0.2:3002', 'http://10.0.0.3:3002']));
  });

  it('with replicas.dns: true, uses the system resolver (localhost: 127.0.0.1, and ::1 where it resolves)', async () => {
    const target = replicas[1] as Replica;
    const port = new URL(target.url).port;
    const client = createNotionServiceClient({
      baseUrl: `http://localhost:${port}`,
      transport,
      replicas: { dns: true },
    });
    // An address nothing listens on (::1 here) refuses the connection: the call moves on at once.
    for (let k = 0; k < 10; k++) expect((await get(client)).ok).toBe(true);
    expect(target.hits).toBe(10);
  });

  it('refuses replicas.dns with a list, with fetch, or on https', () => {
    const dns = { dns: true } as const;
    expect(() => createNotionServiceClient({ baseUrl: 'http://a:1,http://b:2', replicas: dns })).toThrow(
      /replicas.dns takes one baseUrl/,
    );
    expect(() =>
      createNotionServiceClient({ baseUrl: 'http://a:1', replicas: dns, fetch: fakeUpstream([200]).fetch }),
    ).toThrow(/replicas.dns needs the pooled transport/);
    expect(() => createNotionServiceClient({ baseUrl: 'https://a', replicas: dns })).toThrow(
      /replicas.dns needs an http:\/\/ baseUrl/,
    );
  });

  it('checks the replicas options at construction, even with one URL', () => {
    expect(() =>
      createNotionServiceClient({ baseUrl: 'http://127.0.0.1:1', replicas: { ejectMs: 0 } }),
    ).toThrow(/replicas.ejectMs must be between 1 and 3600000, got 0/);
  });

  it('refuses a bad list at construction with the entry named', () => {
    expect(() => createNotionServiceClient({ baseUrl: ['http://127.0.0.1:1', 'localhost:2'] })).toThrow(
      /notion-service client: baseUrl\[1\] must be an http\(s\) URL, got "localhost:2"/,
    );
  });
});
