import { type EventStream, EventStreamError } from 'switchboard/client';
import type { components as orchestrator } from '../../../generated/llm-orchestrator/types.js';
import type { components as provider } from '../../../generated/llm-provider/types.js';

type CompletionChunk = provider['schemas']['CompletionChunk'];
/** One event of a streamed answer (the spec's `PromptStreamEvent`). */
export type PromptStreamEvent = orchestrator['schemas']['PromptStreamEvent'];

/**
 * Relays the provider's completion to the caller token by token; at the provider's `done`, `finish` reports
 * the key usage and makes the closing `done` event. A provider that fails or stops mid-stream ends the
 * answer with an `error` event (the status, 200, is already sent). When the caller goes away, the request's
 * abort signal ends the provider stream, so the provider stops generating.
 */
export async function* relayAnswer(
  completion: EventStream<CompletionChunk>,
  finish: (tokens: number) => Promise<PromptStreamEvent>,
): AsyncGenerator<{ data: PromptStreamEvent }> {
  try {
    for await (const { data } of completion) {
      if (data.type === 'token') yield { data: { type: 'token', text: data.text } };
      else {
        yield { data: await finish(data.tokens) };
        return;
      }
    }
    yield {
      data: { type: 'error', error: 'the LLM provider ended the answer early', code: 'DOWNSTREAM_ERROR' },
    };
  } catch (error) {
    if (!(error instanceof EventStreamError)) throw error;
    yield { data: { type: 'error', error: 'the LLM provider failed mid-answer', code: error.code } };
  }
}
