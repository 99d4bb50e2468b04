import { once } from 'node:events';
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { type NotionServiceHandlers, notionServiceRoutesPlugin } from '../../../generated/index.js';
import { createServiceApp, internalAuthenticator, respond } from '../../../lib/server/index.js';

const TOKEN = 'T0k3n-for-client-error-tests-012345678';
const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

const handlers: NotionServiceHandlers = {
  getNotionContext: () => respond(200, { connected: false, token: null }),
  connectNotion: () => respond(204),
  disconnectNotion: () => respond(204),
};

/** notion-service on 127.0.0.1 port 0 with `requestTimeoutMs` (default 300); resolves with its port. */
async function start(requestTimeoutMs = 300): Promise<{ app: FastifyInstance; port: number }> {
  const app = await createServiceApp({
    name: 'notion-service',
    routes: notionServiceRoutesPlugin,
    handlers,
    authenticate: { InternalAuth: internalAuthenticator([TOKEN]) },
    requestTimeoutMs,
    logger: false,
  });
  apps.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { app, port: address.port };
}

/** A raw connection: `send` writes, `closed` resolves with all it received and the ms from `started`. */
async function rawConnection(port: number) {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let received = '';
  socket.on('data', (chunk) => {
    received += String(chunk);
  });
  socket.on('error', () => {}); // a reset after the answer is fine; what was received is checked
  const started = performance.now();
  const closed = once(socket, 'close').then(() => ({ received, ms: performance.now() - started }));
  return { send: (text: string) => socket.write(text), closed, socket };
}

/** Splits a raw HTTP answer into its status, lower-cased headers and JSON body. */
function parse(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n', 2);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) as unknown };
}

const path = '/internal/notion/users/u1/connection';
const TIMEOUT = { error: 'Request not received in time', code: 'REQUEST_TIMEOUT' };
// requestTimeoutMs 300 is checked every 30 ms; 400 ms more for a busy 2-core machine.
const LATEST_MS = 300 + 30 + 400;

describe('client errors answered in the spec Error shape', () => {
  it('answers 408 to an incomplete header block between requestTimeoutMs and one check later (+400 ms allowance)', async () => {
    const { port } = await start();
    const c = await rawConnection(port);
    c.send(`GET ${path} HTTP/1.1\r\nHost: x\r\n`);
    const { received, ms } = await c.closed;
    expect(parse(received)).toMatchObject({ status: 408, headers: { connection: 'close' }, body: TIMEOUT });
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThanOrEqual(LATEST_MS);
  });

  it('answers 408 to a body that stops short, within the same bound', async () => {
    const { port } = await start();
    const c = await rawConnection(port);
    const body = '{"accessToken":"secret_abcdefghijklmnopqrstuvwxyz012345"';
    c.send(
      `PUT ${path} HTTP/1.1\r\nHost: x\r\nX-Internal-Auth: ${TOKEN}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${body.length + 50}\r\n\r\n${body}`,
    );
    const { received, ms } = await c.closed;
    expect(parse(received)).toMatchObject({ status: 408, body: TIMEOUT });
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThanOrEqual(LATEST_MS);
  });

  it('answers 431 to a 70 KB header and 400 to a malformed request, with no message or statusCode', async () => {
    const { port } = await start(5000);
    const big = await rawConnection(port);
    big.send(`GET ${path} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`);
    const overflow = parse((await big.closed).received);
    expect(overflow.status).toBe(431);
    expect(overflow.body).toEqual({ error: 'Request headers too large', code: 'HEADERS_TOO_LARGE' });
    const bad = await rawConnection(port);
    bad.send('GARBAGE\r\n\r\n');
    const malformed = parse((await bad.closed).received);
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: 'Malformed HTTP request', code: 'BAD_REQUEST' });
  });

  it('answers a request arriving while the app closes 503 SERVICE_UNAVAILABLE with Connection: close', async () => {
    const { app, port } = await start(5000);
    const c = await rawConnection(port);
    // Half a request keeps the connection busy, so closing waits for it instead of dropping it as idle.
    c.send(`GET /health HTTP/1.1\r\nHost: x\r\n`);
    await new Promise((r) => setTimeout(r, 50));
    const closing = app.close();
    apps.splice(apps.indexOf(app), 1);
    await new Promise((r) => setTimeout(r, 50));
    c.send('\r\n');
    const answer = parse((await c.closed).received);
    await closing;
    expect(answer.status).toBe(503);
    expect(answer.headers.connection).toBe('close');
    expect(answer.body).toEqual({ error: 'Service temporarily unavailable', code: 'SERVICE_UNAVAILABLE' });
  });
});

describe('over-long path parameters', () => {
  it.each([513, 600, 5000])('answers a %i-character id 400 from validation, never 404', async (length) => {
    const { app } = await start(5000);
    const res = await app.inject({
      url: `/internal/notion/users/${'a'.repeat(length)}/context`,
      headers: { 'x-internal-auth': TOKEN },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
