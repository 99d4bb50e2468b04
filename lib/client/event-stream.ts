import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { callFailure, failureFromUnknown } from './call-failure.js';
import { DeadlineExceededError, PolicyError } from './call-policy.js';
import { sleepUntil } from './resilience/timing.js';
import type { CallFailure } from './result.js';
import type { ServerSentEvent } from './server-sent-event.js';

/**
 * The body of a `text/event-stream` success: iterate it with `for await`. Breaking out of the loop closes
 * the connection. The iterator throws an EventStreamError when the stream cannot go on (the caller aborted,
 * the deadline passed, the connection broke and could not be resumed, an event was not valid JSON).
 */
export interface EventStream<T> extends AsyncIterable<ServerSentEvent<T>> {
  /** The `id` of the last event read that had one (what a resumed request sends as `Last-Event-ID`). */
  readonly lastEventId: string | undefined;
}

/** Why an EventStream ended early; `failure` is the CallFailure a call would have returned. */
export class EventStreamError extends Error {
  override readonly name = 'EventStreamError';
  readonly code: CallFailure['code'];

  constructor(readonly failure: CallFailure) {
    super(failure.message, { cause: failure.cause });
    this.code = failure.code;
  }
}

/** A response body as the transports hand it over: undici's Readable or a WHATWG ReadableStream. */
export type ByteSource = AsyncIterable<Uint8Array> & {
  destroy?(error?: Error): void;
  cancel?(reason?: unknown): Promise<void>;
};

/** How `readEventStream` reads and resumes one stream. */
export interface EventStreamOptions {
  operationId: string;
  /** Parse each event's data as JSON (the spec gives an `x-event-schema`); otherwise it is the text. */
  json: boolean;
  /** The caller's signal: aborting it closes the stream (ABORTED). */
  signal?: AbortSignal | undefined;
  /** Epoch ms by which the stream must be done (DEADLINE_EXCEEDED); none when undefined. */
  deadline?: number | undefined;
  /**
   * Opens the stream again after the given event id, when the operation is idempotent; a broken connection
   * is then resumed up to `maxResumes` times, after the server's `retry` delay (default 500 ms).
   */
  resume?: ((lastEventId: string) => Promise<ByteSource | CallFailure>) | undefined;
  /** Most resumptions of one stream. Default 3. */
  maxResumes?: number;
  /**
   * Called once when the reading ends: with the failure's code when it ended in one, after how many events
   * (the call's telemetry ends its span here, so the span lasts the stream).
   */
  onEnd?: ((failureCode: string | undefined, events: number) => void) | undefined;
}

const DEFAULT_RESUME_DELAY_MS = 500;

/** The body of a response that has none (204, or `Content-Length: 0`): a stream of no events. */
export async function* noBody(): AsyncGenerator<Uint8Array> {}

/**
 * An EventStream over events given in memory, for fakes and tests: `ok(eventStreamOf([{ data }]))` is what
 * a fake client's streaming method answers.
 */
export function eventStreamOf<T>(
  events: Iterable<ServerSentEvent<T>> | AsyncIterable<ServerSentEvent<T>>,
): EventStream<T> {
  let lastEventId: string | undefined;
  return {
    get lastEventId() {
      return lastEventId;
    },
    async *[Symbol.asyncIterator]() {
      for await (const event of events) {
        if (event.id !== undefined) lastEventId = event.id;
        yield event;
      }
    },
  };
}

/** What is left to do when an EventStream is dropped unread: close its body, end its call. */
interface Unread {
  body: ByteSource;
  onEnd: EventStreamOptions['onEnd'];
  ended: { done: boolean };
}

const dropped = new FinalizationRegistry<Unread>((unread) => {
  if (unread.ended.done) return;
  unread.ended.done = true;
  close(unread.body);
  unread.onEnd?.('ABANDONED', 0);
});

/**
 * Reads Server-Sent Events from `body` (parsed with eventsource-parser) as an EventStream. A stream that is
 * garbage-collected without ever being read gets its body closed and `onEnd('ABANDONED')`.
 */
export function readEventStream<T>(first: ByteSource, options: EventStreamOptions): EventStream<T> {
  let lastEventId: string | undefined;
  let started = false;
  const ended = { done: false };
  const stream: EventStream<T> = {
    get lastEventId() {
      return lastEventId;
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<ServerSentEvent<T>> {
      if (started) throw new TypeError(`the event stream of ${options.operationId} can be read once`);
      started = true;
      // Once read, the reading ends it (break, return or the end): the stream object itself may go.
      dropped.unregister(ended);
      const stop = new StreamStop(options);
      let body = first;
      let resumes = 0;
      let resumeDelay = DEFAULT_RESUME_DELAY_MS;
      let events = 0;
      let failureCode: string | undefined;
      try {
        for (;;) {
          const queue: EventSourceMessage[] = [];
          const parser = createParser({
            onEvent: (message) => queue.push(message),
            onRetry: (ms) => {
              resumeDelay = ms;
            },
          });
          const decoder = new TextDecoder();
          stop.watch(body);
          let broken: unknown;
          try {
            for await (const chunk of body) {
              parser.feed(decoder.decode(chunk, { stream: true }));
              for (let message = queue.shift(); message !== undefined; message = queue.shift()) {
                if (message.id !== undefined) lastEventId = message.id;
                events++;
                yield toEvent<T>(message, options);
              }
            }
          } catch (error) {
            if (error instanceof EventStreamError) throw error;
            broken = error;
          }
          stop.throwIfStopped();
          if (broken === undefined) return;
          const resume = options.resume;
          if (resume === undefined || lastEventId === undefined || resumes >= (options.maxResumes ?? 3))
            throw new EventStreamError(brokenFailure(options.operationId, broken, resumes));
          resumes++;
          try {
            await sleepUntil(stop.bounded(Date.now() + resumeDelay), options.signal);
          } catch (error) {
            throw new EventStreamError(failureFromUnknown(error, options.operationId));
          }
          stop.throwIfStopped();
          const next = await resume(lastEventId);
          if (!isByteSource(next)) throw new EventStreamError(next);
          body = next;
        }
      } catch (error) {
        failureCode = error instanceof EventStreamError ? error.failure.code : 'INTERNAL';
        throw error;
      } finally {
        stop.dispose();
        close(body);
        if (!ended.done) {
          ended.done = true;
          options.onEnd?.(failureCode, events);
        }
      }
    },
  };
  dropped.register(stream, { body: first, onEnd: options.onEnd, ended }, ended);
  return stream;
}

function toEvent<T>(message: EventSourceMessage, options: EventStreamOptions): ServerSentEvent<T> {
  let data: unknown = message.data;
  if (options.json) {
    try {
      data = JSON.parse(message.data);
    } catch (error) {
      throw new EventStreamError(
        callFailure('transport', 'INVALID_RESPONSE', `${options.operationId}: an event's data is not JSON`, {
          operationId: options.operationId,
          cause: error,
          body: message.data.slice(0, 200),
        }),
      );
    }
  }
  const event: ServerSentEvent<T> = { data: data as T };
  if (message.event !== undefined) event.event = message.event;
  if (message.id !== undefined) event.id = message.id;
  return event;
}

function brokenFailure(operationId: string, error: unknown, resumes: number): CallFailure {
  const failure = failureFromUnknown(error, operationId);
  const after = resumes === 0 ? '' : ` after ${resumes} resumption(s)`;
  return { ...failure, message: `${operationId}: the event stream broke${after}: ${failure.message}` };
}

function isByteSource(value: ByteSource | CallFailure): value is ByteSource {
  return typeof (value as ByteSource)[Symbol.asyncIterator] === 'function';
}

function close(body: ByteSource, reason?: Error): void {
  if (typeof body.destroy === 'function') body.destroy(reason);
  else body.cancel?.(reason).catch(() => {});
}

/**
 * Ends a stream at the caller's abort or at the deadline: closes the body being read, whose pending read
 * then fails (or ends, for a WHATWG stream), and remembers why.
 */
class StreamStop {
  #reason: PolicyError | undefined;
  #body: ByteSource | undefined;
  readonly #timer: NodeJS.Timeout | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #deadline: number | undefined;
  readonly #operationId: string;

  constructor(options: EventStreamOptions) {
    this.#operationId = options.operationId;
    this.#signal = options.signal;
    this.#deadline = options.deadline;
    if (options.deadline !== undefined)
      this.#timer = setTimeout(
        () => this.stop(new DeadlineExceededError('deadline exceeded during the event stream')),
        Math.max(0, options.deadline - Date.now()),
      );
    if (this.#signal?.aborted) this.handleEvent();
    else this.#signal?.addEventListener('abort', this, { once: true });
  }

  watch(body: ByteSource): void {
    this.#body = body;
    if (this.#reason !== undefined) close(body, this.#reason);
  }

  /** The caller's signal aborted. */
  handleEvent(): void {
    this.stop(new PolicyError('ABORTED', 'the caller aborted the event stream'));
  }

  stop(reason: PolicyError): void {
    this.#reason ??= reason;
    if (this.#body !== undefined) close(this.#body, reason);
  }

  /** `at`, but no later than the deadline. */
  bounded(at: number): number {
    return this.#deadline === undefined ? at : Math.min(at, this.#deadline);
  }

  throwIfStopped(): void {
    if (this.#reason === undefined && this.#deadline !== undefined && Date.now() >= this.#deadline)
      this.#reason = new DeadlineExceededError('deadline exceeded during the event stream');
    if (this.#reason !== undefined) {
      const failure = failureFromUnknown(this.#reason, this.#operationId);
      throw new EventStreamError({ ...failure, message: `${this.#operationId}: ${failure.message}` });
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#signal?.removeEventListener('abort', this);
  }
}
