import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { formatEvent, type ServerSentEvent } from '../client/server-sent-event.js';

/** How often an idle event stream sends a comment line so proxies and clients keep it open, in ms. */
export const DEFAULT_HEARTBEAT_MS = 15_000;

const HEARTBEAT = ':\n\n';

/**
 * Answers with the events a handler returned, as `text/event-stream`. Events are pulled only as fast as the
 * client reads them (the socket's back-pressure reaches the handler's iterator); an idle stream sends a
 * heartbeat comment every `heartbeatMs`; when the client goes away the iterator is closed (`return()`, so a
 * generator's `finally` runs and what it reads from is cancelled). JSON data goes through the route's
 * response serializer for the status (fast-json-stringify with the spec's event schema); text as it is.
 */
export function sendEventStream(
  reply: FastifyReply,
  events: AsyncIterable<ServerSentEvent<unknown>>,
  data: 'json' | 'text',
  heartbeatMs = DEFAULT_HEARTBEAT_MS,
): void {
  reply.header('content-type', 'text/event-stream; charset=utf-8');
  reply.header('cache-control', 'no-cache');
  reply.header('x-accel-buffering', 'no');
  const serialize = data === 'json' ? (value: unknown) => String(reply.serialize(value)) : String;
  reply.send(new EventStreamBody(events, serialize, heartbeatMs));
}

/** The response body of an event stream: a byte stream pulled from the handler's async iterator. */
class EventStreamBody extends Readable {
  readonly #events: AsyncIterator<ServerSentEvent<unknown>>;
  readonly #serialize: (data: unknown) => string;
  readonly #heartbeat: NodeJS.Timeout;
  #pulling = false;
  #sentAt = Date.now();

  constructor(
    events: AsyncIterable<ServerSentEvent<unknown>>,
    serialize: (data: unknown) => string,
    heartbeatMs: number,
  ) {
    super();
    this.#events = events[Symbol.asyncIterator]();
    this.#serialize = serialize;
    // One timer per stream, not per event: it sends a heartbeat only when nothing went out for a while.
    this.#heartbeat = setInterval(
      () => {
        if (Date.now() - this.#sentAt < heartbeatMs) return;
        this.#sentAt = Date.now();
        this.push(HEARTBEAT);
      },
      Math.max(10, Math.floor(heartbeatMs / 2)),
    );
  }

  override _read(): void {
    if (this.#pulling) return;
    this.#pulling = true;
    this.#pull().then(
      () => {
        this.#pulling = false;
      },
      (error: unknown) => {
        this.#pulling = false;
        this.destroy(error as Error);
      },
    );
  }

  async #pull(): Promise<void> {
    for (;;) {
      const next = await this.#events.next();
      if (this.destroyed) return;
      if (next.done === true) {
        clearInterval(this.#heartbeat);
        this.push(null);
        return;
      }
      const { data, event, id, retry } = next.value;
      this.#sentAt = Date.now();
      if (!this.push(formatEvent(this.#serialize(data), event, id, retry))) return;
    }
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    clearInterval(this.#heartbeat);
    // Not awaited: an async generator runs `return()` only once its pending `next()` settles, which for one
    // awaiting a stalled source may be never; the request's abort signal is what cancels that source.
    this.#events.return?.()?.catch(() => {});
    callback(error);
  }
}
