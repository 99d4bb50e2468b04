/**
 * How the `sse` suite reads one stream: raw undici `request()` counting event ends in the bytes, or the
 * generated llm-provider client's EventStream (parsing every event). Each read rejects unless the stream
 * carried exactly {@link EVENTS} + 1 events.
 */
import { Agent, request } from 'undici';
import { createLlmProviderClient } from '../../generated/llm-provider/client.js';
import { EVENTS, REQUEST_BODY, REQUEST_PATH } from './variants.js';

/** Reads streams from one server. */
export interface StreamReader {
  /** Opens one stream and reads it to the end; resolves to the number of events it carried. */
  read(): Promise<number>;
  /** Releases the reader's connections. */
  close(): Promise<void>;
}

const LF = 0x0a;

/**
 * undici 7 `request()` on its own Agent, counting the blank lines that end events (`\n\n`) without parsing
 * them: the cheapest reader, so the server is what limits the rate.
 */
export function rawReader(baseUrl: string, apiKey: string): StreamReader {
  const dispatcher = new Agent();
  const url = new URL(REQUEST_PATH, baseUrl);
  const body = JSON.stringify(REQUEST_BODY);
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  return {
    async read() {
      const res = await request(url, { method: 'POST', headers, body, dispatcher });
      const type = String(res.headers['content-type']);
      if (res.statusCode !== 200 || !type.startsWith('text/event-stream')) {
        const text = await res.body.text();
        throw new Error(`answered ${res.statusCode} ${type}: ${text.slice(0, 200)}`);
      }
      let events = 0;
      // Whether the last byte seen was a line feed not already counted in a `\n\n`.
      let afterLf = false;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        let from = 0;
        for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) {
          if (afterLf && i === from) {
            events++;
            afterLf = false;
          } else afterLf = true;
          from = i + 1;
        }
        if (from < chunk.length) afterLf = false;
      }
      return checked(events);
    },
    close: () => dispatcher.close(),
  };
}

/**
 * The generated client with its defaults (auth, correlation, resilience, pooled undici), reading the stream as
 * an EventStream: eventsource-parser and `JSON.parse` per event. The per-attempt timeout is raised so it cannot
 * end a long stream.
 */
export function clientReader(baseUrl: string, apiKey: string): StreamReader {
  const client = createLlmProviderClient({
    baseUrl,
    credentials: { ApiKey: apiKey },
    operations: { createCompletion: { timeoutMs: 20_000 } },
  });
  return {
    async read() {
      const result = await client.createCompletion({ body: { ...REQUEST_BODY } });
      if (!result.ok) throw new Error(`createCompletion failed: ${JSON.stringify(result.error)}`);
      let events = 0;
      let last: unknown;
      for await (const event of result.value) {
        events++;
        last = event.data;
      }
      const done = last as { type?: string; tokens?: number } | undefined;
      if (done?.type !== 'done' || done.tokens !== EVENTS)
        throw new Error(`last event was ${JSON.stringify(last)}, expected done with ${EVENTS} tokens`);
      return checked(events);
    },
    close: async () => {},
  };
}

function checked(events: number): number {
  if (events !== EVENTS + 1) throw new Error(`stream carried ${events} events, expected ${EVENTS + 1}`);
  return events;
}
