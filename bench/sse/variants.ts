/**
 * The two servers the `sse` suite reads from, each answering `POST /v1/completions` (JSON body
 * `{model, prompt}`) with the same `text/event-stream`: {@link EVENTS} token events, then one done event. Built
 * inside the server child process (`serve.ts`).
 */
import { once } from 'node:events';
import Fastify, { type FastifyInstance } from 'fastify';
import { llmProviderDocument } from '../../generated/llm-provider/document.js';
import { type LlmProviderHandlers, llmProviderRoutesPlugin } from '../../generated/llm-provider/server.js';
import type { components } from '../../generated/llm-provider/types.js';
import {
  type AuthDecision,
  createServiceApp,
  respond,
  type ServerSentEvent,
} from '../../lib/server/index.js';

/** The server variants, in the order the suite starts them. */
export const SERVERS = ['generated', 'fastify_sse'] as const;
export type Server = (typeof SERVERS)[number];

/** Token events per stream (the done event comes on top): 0.5-1 s of one stream on this machine. */
export const EVENTS = 250_000;

/** The route every variant serves. */
export const REQUEST_PATH = '/v1/completions';

/** The request body every stream is opened with. */
export const REQUEST_BODY = { model: 'bench', prompt: 'Say hello.' } as const;

/** Environment variable through which the suite hands the accepted API key to the server child. */
export const API_KEY_ENV = 'SWITCHBOARD_BENCH_SSE_API_KEY';

type CompletionChunk = components['schemas']['CompletionChunk'];

const TOKEN: CompletionChunk = { type: 'token', text: 'hello ' };
const DONE: CompletionChunk = { type: 'done', tokens: EVENTS };

/** Builds `variant` (not listening); `generated` accepts only `apiKey` as its Bearer key. */
export function buildServer(variant: Server, apiKey: string): Promise<FastifyInstance> {
  return variant === 'generated' ? buildGenerated(apiKey) : buildFastifySse();
}

/**
 * The real stack, as services/llm-provider/app.ts builds it (auth, request context without propagation, body
 * validation, docs, event data through the route's fast-json-stringify serializer), with logs off and a handler
 * that yields the events with no delay.
 */
function buildGenerated(apiKey: string): Promise<FastifyInstance> {
  const expected = `Bearer ${apiKey}`;
  const refused: AuthDecision = { ok: false, status: 401, body: { error: 'Unauthorized' } };
  const handlers: LlmProviderHandlers = {
    createCompletion: () => respond(200, completionEvents()),
  };
  return createServiceApp({
    name: 'llm-provider',
    routes: llmProviderRoutesPlugin,
    handlers,
    authenticate: {
      ApiKey: (request) => (request.headers.authorization === expected ? { ok: true } : refused),
    },
    document: llmProviderDocument,
    context: { propagate: false },
    logger: false,
  });
}

async function* completionEvents(): AsyncGenerator<ServerSentEvent<CompletionChunk>> {
  for (let i = 0; i < EVENTS; i++) yield { data: TOKEN };
  yield { data: DONE };
}

/**
 * The hand-written peer: plain Fastify, one route without schema, the response taken over with
 * `reply.hijack()` and written on the raw response, one `write` per event, waiting for 'drain' when the socket
 * buffer is full. The chunks come from an async generator, as the generated handler's do, so both pay the same
 * for their source.
 */
async function buildFastifySse(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.post(REQUEST_PATH, async (_request, reply) => {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    for await (const chunk of completionChunks()) {
      if (raw.destroyed) return;
      if (!raw.write(`data: ${JSON.stringify(chunk)}\n\n`)) await once(raw, 'drain');
    }
    raw.end();
  });
  return app;
}

async function* completionChunks(): AsyncGenerator<CompletionChunk> {
  for (let i = 0; i < EVENTS; i++) yield TOKEN;
  yield DONE;
}
