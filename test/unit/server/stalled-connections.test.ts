import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { type NotionServiceHandlers, notionServiceRoutesPlugin } from '../../../generated/index.js';
import { createServiceApp, internalAuthenticator, respond } from '../../../lib/server/index.js';
import { closeStalledConnections } from '../../../lib/server/stalled-connections.js';

const TOKEN = 'T0k3n-for-stalled-connection-tests-0123';
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Opens a raw connection, sends `request`, and resolves with the ms until the server closed it. */
async function msUntilClosed(port: number, request: string): Promise<number> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const started = Date.now();
  socket.resume();
  socket.write(request);
  await once(socket, 'close');
  return Date.now() - started;
}

const GET = (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\nX-Internal-Auth: ${TOKEN}\r\n\r\n`;

describe('closeStalledConnections', () => {
  it('closes a connection whose handler never answers, after the idle time', async () => {
    const server = createServer(() => {}); // never answers
    server.keepAliveTimeout = 0;
    closeStalledConnections(server, 150);
    const port = await listen(server);
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const ms = await msUntilClosed(port, GET('/'));
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(ms).toBeLessThan(2000);
  });

  it('keeps a slow but steady answer open past the idle time', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const timer = setInterval(() => {
        res.write('.');
        if (++sent === 30) {
          clearInterval(timer);
          res.end();
        }
      }, 50); // 1.5 s in all, three times the idle time, never near 500 ms without a byte
    });
    closeStalledConnections(server, 500);
    const port = await listen(server);
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(`GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    let body = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      body += chunk;
    });
    await once(socket, 'close');
    expect(body.match(/\r\n\.\r\n/g)).toHaveLength(30); // every chunk of one '.' arrived
    expect(body).toMatch(/0\r\n\r\n$/); // the chunked answer ended: not cut short
  });

  it('refuses a non-positive idle time', () => {
    expect(() => closeStalledConnections(createServer(), 0)).toThrow(RangeError);
    expect(() => closeStalledConnections(createServer(), Number.NaN)).toThrow(RangeError);
  });
});

describe('createServiceApp idleTimeoutMs', () => {
  it('closes the connection of a hung handler and still serves other requests', async () => {
    let release: (() => void) | undefined;
    const handlers: NotionServiceHandlers = {
      getNotionContext: ({ params }) =>
        params.userId === 'hang'
          ? new Promise((resolve) => {
              release = () => resolve(respond(200, { connected: false, token: null }));
            })
          : respond(200, { connected: false, token: null }),
      connectNotion: () => respond(204),
      disconnectNotion: () => respond(204),
    };
    const app: FastifyInstance = await createServiceApp({
      name: 'notion-service',
      routes: notionServiceRoutesPlugin,
      handlers,
      authenticate: { InternalAuth: internalAuthenticator([TOKEN]) },
      logger: false,
      idleTimeoutMs: 200,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => app.close());
    cleanups.push(async () => release?.());
    const port = (app.server.address() as { port: number }).port;
    const ms = await msUntilClosed(port, GET('/internal/notion/users/hang/context'));
    expect(ms).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(2000);
    const ok = await fetch(`http://127.0.0.1:${port}/internal/notion/users/u1/context`, {
      headers: { 'x-internal-auth': TOKEN },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ connected: false, token: null });
  });
});
