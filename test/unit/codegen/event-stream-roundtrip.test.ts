import Fastify, { type FastifyInstance } from 'fastify';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTransport,
  type EventStream,
  EventStreamError,
  eventStreamOf,
  ok,
  type ServerSentEvent,
} from '../../../lib/client/index.js';
import { type FixtureOutput, generateFixtures } from '../../fixtures/codegen/generate-fixtures.js';

type FeedEvent = { seq: number; text: string };
type Handler = (request: {
  params: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: unknown;
  request: { raw: { socket: { destroy(): void } } };
}) => unknown;
type Call = (
  input?: unknown,
  options?: unknown,
) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

/** A reply as a handler returns it (the fixture's handler types are not in scope here). */
const respond = (status: number, body: unknown) => ({ status, body });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** What each handler did, for the assertions. */
const seen = { lastEventIds: [] as (string | undefined)[], produced: 0, closed: 0 };

/** Events `from`..`to` with their ids; `drop` (if given) cuts the connection once event 3 is out. */
async function* feed(
  from: number,
  to: number,
  drop?: () => void,
): AsyncGenerator<ServerSentEvent<FeedEvent>> {
  for (let seq = from; seq <= to; seq++) {
    yield { id: String(seq), data: { seq, text: `event ${seq}` } };
    if (seq === 3 && drop !== undefined) {
      await sleep(20);
      drop();
      await sleep(1000);
    }
  }
}

const handlers: Record<string, Handler> = {
  followFeed: ({ params, headers, request }) => {
    const last = headers['last-event-id'];
    seen.lastEventIds.push(last);
    if (params.feedId === 'missing') return respond(404, { error: 'no such feed' });
    if (params.feedId === 'slow')
      return respond(
        200,
        (async function* () {
          for (let seq = 1; ; seq++) {
            await sleep(40);
            yield { data: { seq, text: 'slow' } };
          }
        })(),
      );
    if (params.feedId === 'flaky' && last === undefined)
      // The connection drops after event 3; a resumed request continues after the id it names.
      return respond(
        200,
        feed(1, 5, () => request.raw.socket.destroy()),
      );
    return respond(200, feed(last === undefined ? 1 : Number(last) + 1, 5));
  },
  tailLog: () =>
    respond(
      200,
      (async function* () {
        yield { data: 'first line' };
        await sleep(120);
        yield { event: 'line', data: 'second\nline' };
      })(),
    ),
  runJob: ({ body, request }) => {
    const steps = (body as { steps: number }).steps;
    return respond(
      200,
      (async function* () {
        try {
          for (let seq = 1; seq <= steps; seq++) {
            seen.produced = seq;
            yield { data: { seq, text: 'x'.repeat(1000) } };
            if (steps === 5 && seq === 3) {
              await sleep(20);
              request.raw.socket.destroy();
            }
          }
        } finally {
          seen.closed++;
        }
      })(),
    );
  },
};

let out: FixtureOutput;
let app: FastifyInstance;
let baseUrl: string;
const transport = createTransport();
let client: Record<'followFeed' | 'tailLog' | 'runJob', Call>;

beforeAll(async () => {
  out = await generateFixtures();
  const server = await out.load<Record<string, unknown>>('stream-service/server.ts');
  app = Fastify();
  await app.register(server.streamServiceRoutesPlugin as never, { handlers, heartbeatMs: 40 });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const { createStreamServiceClient } = await out.load<{
    createStreamServiceClient: (options: unknown) => typeof client;
  }>('stream-service/client.ts');
  client = createStreamServiceClient({ baseUrl, transport, resilience: false });
});

afterAll(async () => {
  await transport.close();
  const closing = app?.close();
  app?.server.closeAllConnections();
  await closing;
  out?.cleanup();
});

async function collect<T>(
  stream: EventStream<T>,
  limit = Number.POSITIVE_INFINITY,
): Promise<ServerSentEvent<T>[]> {
  const events: ServerSentEvent<T>[] = [];
  for await (const event of stream) {
    events.push(event);
    if (events.length >= limit) break;
  }
  return events;
}

async function failureOf(stream: EventStream<unknown>): Promise<EventStreamError> {
  try {
    await collect(stream);
  } catch (error) {
    if (error instanceof EventStreamError) return error;
    throw error;
  }
  throw new Error('the stream ended without an error');
}

describe('text/event-stream through a generated route table and client', () => {
  it('streams typed JSON events with their ids, and the route answers text/event-stream', async () => {
    const r = await client.followFeed({ path: { feedId: 'f1' } });
    if (!r.ok) throw new Error('call failed');
    const stream = r.value as EventStream<FeedEvent>;
    const events = await collect(stream);
    expect(events.map((e) => [e.id, e.data.seq])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 3],
      ['4', 4],
      ['5', 5],
    ]);
    expect(stream.lastEventId).toBe('5');
  });

  it('answers a documented JSON error before the stream starts as a normal Result', async () => {
    const r = await client.followFeed({ path: { feedId: 'missing' } });
    expect(r.ok).toBe(false);
    expect((r.error as { status: number; body: unknown }).status).toBe(404);
    expect((r.error as { body: unknown }).body).toEqual({ error: 'no such feed' });
  });

  it('resumes an idempotent stream after a dropped connection with Last-Event-ID, without repeats', async () => {
    seen.lastEventIds.length = 0;
    const r = await client.followFeed({ path: { feedId: 'flaky' } });
    if (!r.ok) throw new Error('call failed');
    const events = await collect(r.value as EventStream<FeedEvent>);
    expect(events.map((e) => e.data.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(seen.lastEventIds).toEqual([undefined, '3']);
  });

  it('ends with NETWORK_ERROR when a stream that cannot be resumed (POST) breaks', async () => {
    const r = await client.runJob({ body: { steps: 5 } });
    if (!r.ok) throw new Error('call failed');
    const error = await failureOf(r.value as EventStream<FeedEvent>);
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toMatch(/runJob: the event stream broke/);
  });

  it('ends with DEADLINE_EXCEEDED at the caller deadline', async () => {
    const started = Date.now();
    const r = await client.followFeed({ path: { feedId: 'slow' } }, { deadline: Date.now() + 250 });
    if (!r.ok) throw new Error('call failed');
    const error = await failureOf(r.value as EventStream<FeedEvent>);
    expect(error.code).toBe('DEADLINE_EXCEEDED');
    // The slow feed never ends: only the deadline stopped it (250 ms, with 1 s allowance for a loaded machine).
    expect(Date.now() - started).toBeLessThan(1250);
  });

  it('reads text events (no x-event-schema) as strings, multi-line data and event names included', async () => {
    const r = await client.tailLog();
    if (!r.ok) throw new Error('call failed');
    const events = await collect(r.value as EventStream<string>);
    expect(events).toEqual([{ data: 'first line' }, { event: 'line', data: 'second\nline' }]);
  });

  it('sends heartbeat comments while the handler is idle', async () => {
    const res = await request(`${baseUrl}/logs/tail`);
    const text = await res.body.text();
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['cache-control']).toBe('no-cache');
    // 120 ms idle between the two events, heartbeats every 40 ms.
    expect(text).toMatch(/^data: first line\n\n(:\n\n)+event: line\ndata: second\ndata: line\n\n$/);
  });

  it('pulls events only as fast as the client reads them, and closes the handler when the client leaves', async () => {
    seen.produced = 0;
    const closedBefore = seen.closed;
    const r = await client.runJob({ body: { steps: 100_000 } });
    if (!r.ok) throw new Error('call failed');
    const stream = r.value as EventStream<FeedEvent>;
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await sleep(300);
    // 100,000 events of 1 KB: without back-pressure the handler would be far along by now. Socket and stream
    // buffers hold a few MB at most.
    expect(seen.produced).toBeGreaterThan(0);
    expect(seen.produced).toBeLessThan(10_000);
    // Once the buffers are full the handler waits: nothing more is produced while the client does not read.
    const stalled = seen.produced;
    await sleep(200);
    expect(seen.produced).toBe(stalled);
    await iterator.return?.();
    await expect.poll(() => seen.closed, { timeout: 2000 }).toBe(closedBefore + 1);
    expect(seen.produced).toBeLessThan(100_000);
  });

  it('a fake answers with eventStreamOf', async () => {
    const { createFakeStreamServiceClient } = await out.load<{
      createFakeStreamServiceClient: (overrides: unknown) => typeof client;
    }>('stream-service/fake.ts');
    const fake = createFakeStreamServiceClient({
      followFeed: async () => ok(eventStreamOf([{ id: '7', data: { seq: 7, text: 'seven' } }])),
    });
    const r = await fake.followFeed({ path: { feedId: 'x' } });
    const stream = r.value as EventStream<FeedEvent>;
    expect(await collect(stream)).toEqual([{ id: '7', data: { seq: 7, text: 'seven' } }]);
    expect(stream.lastEventId).toBe('7');
    await expect(fake.tailLog()).rejects.toThrow(/no example/);
  });
});
