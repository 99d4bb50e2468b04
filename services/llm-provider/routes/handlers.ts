import { respond } from 'switchboard/server';
import type { LlmProviderHandlers } from '../../../generated/llm-provider/server.js';
import { answerTokens, type CompletionStats, completionChunks } from '../domain/completion.js';

/** llm-provider's handler: the completion streamed token by token, `tokenDelayMs` apart. */
export function providerHandlers(tokenDelayMs: number, stats: CompletionStats): LlmProviderHandlers {
  return {
    createCompletion: ({ body, request }) => {
      const tokens = answerTokens(body.model, body.prompt);
      // Aborted when the caller goes away (or its deadline passes): the generation stops there.
      const signal = request.context.signal ?? AbortSignal.timeout(60_000);
      return respond(200, completionChunks(tokens, tokenDelayMs, signal, stats));
    },
  };
}
