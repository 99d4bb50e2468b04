import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmProviderClient } from '../../../generated/llm-provider/client.js';
import { createTransport, EventStreamError } from '../../../lib/client/index.js';
import { buildProviderApp } from '../../../services/llm-provider/app.js';
import { answerTokens, type CompletionStats } from '../../../services/llm-provider/domain/completion.js';

const stats: CompletionStats = { completed: 0, cancelled: 0 };
let app: FastifyInstance;
let baseUrl: string;
const transport = createTransport();

beforeAll(async () => {
  app = await buildProviderApp({ tokenDelayMs: 5, stats, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  baseUrl = `http://127.0.0.1:${address.port}`;
});
// undici opens a spare connection after a stream is cut short; closing the pool lets the server close at once.
afterAll(async () => {
  await transport.close();
  await app.close();
});

const client = () =>
  createLlmProviderClient({
    baseUrl,
    credentials: { ApiKey: 'sk-test-key-0001' },
    resilience: false,
    transport,
  });

describe('llm-provider createCompletion over real HTTP', () => {
  it('streams every token as a typed event, then done', async () => {
    const result = await client().createCompletion({
      body: { model: 'anthropic', prompt: 'say hello world' },
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const texts: string[] = [];
    let done: number | undefined;
    for await (const event of result.value) {
      if (event.data.type === 'token') texts.push(event.data.text);
      else done = event.data.tokens;
    }
    expect(texts).toEqual(answerTokens('anthropic', 'say hello world'));
    expect(done).toBe(texts.length);
  });

  it('answers 401 without a key and 400 for a body the spec refuses', async () => {
    const anonymous = createLlmProviderClient({ baseUrl, resilience: false, transport });
    const refused = await anonymous.createCompletion({ body: { model: 'x', prompt: 'hi' } });
    expect(refused.ok || refused.error.status).toBe(401);
    const invalid = await client().createCompletion({ body: { model: 'x', prompt: '' } });
    expect(invalid.ok || invalid.error.status).toBe(400);
  });

  it('cancels the generation when the reader stops early', async () => {
    const before = stats.cancelled;
    const result = await client().createCompletion({
      body: { model: 'openai', prompt: 'one two three four five six seven eight nine ten' },
    });
    if (!result.ok) throw new Error(result.error.message);
    for await (const event of result.value) {
      expect(event.data.type).toBe('token');
      break;
    }
    await expect.poll(() => stats.cancelled, { timeout: 2000 }).toBe(before + 1);
  });

  it('ends the stream with ABORTED when the caller aborts, and the provider stops', async () => {
    const before = stats.cancelled;
    const controller = new AbortController();
    const result = await client().createCompletion(
      { body: { model: 'google', prompt: 'a b c d e f g h i j k l m n o p' } },
      { signal: controller.signal },
    );
    if (!result.ok) throw new Error(result.error.message);
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of result.value) {
        if (event.data.type === 'token') seen.push(event.data.text);
        if (seen.length === 2) controller.abort();
      }
    })();
    const error = await reading.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EventStreamError);
    expect((error as EventStreamError).code).toBe('ABORTED');
    expect(seen.length).toBeLessThan(answerTokens('google', 'a b c d e f g h i j k l m n o p').length);
    await expect.poll(() => stats.cancelled, { timeout: 2000 }).toBe(before + 1);
  });
});
