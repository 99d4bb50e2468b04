import { setTimeout as sleep } from 'node:timers/promises';

/** A completion chunk, as the spec's `CompletionChunk` has it. */
export type CompletionChunk = { type: 'token'; text: string } | { type: 'done'; tokens: number };

/** What the stand-in provider counts: finished completions and those the caller ended early. */
export interface CompletionStats {
  completed: number;
  cancelled: number;
}

/**
 * The stand-in's answer to `prompt` from `model`, as tokens: words with their trailing space, at most 32
 * characters of each (the spec caps a token's text). Deterministic, so tests can check what flowed through;
 * the tokens joined are the answer.
 */
export function answerTokens(model: string, prompt: string): string[] {
  const answer = `[${model}] ${prompt}`.slice(0, 16000);
  return answer.match(/\S{1,32}\s{0,32}|\s{1,32}/g) ?? [];
}

/**
 * Streams `tokens` one by one, `delayMs` apart, then `done`. Ends at once when `signal` aborts (the caller went
 * away) and counts the completion as cancelled; a completion read to its end counts as completed.
 */
export async function* completionChunks(
  tokens: readonly string[],
  delayMs: number,
  signal: AbortSignal,
  stats: CompletionStats,
): AsyncGenerator<{ data: CompletionChunk }> {
  let finished = false;
  try {
    for (const text of tokens) {
      if (delayMs > 0) await sleep(delayMs, undefined, { signal });
      signal.throwIfAborted();
      yield { data: { type: 'token', text } };
    }
    finished = true;
    yield { data: { type: 'done', tokens: tokens.length } };
  } finally {
    if (finished) stats.completed++;
    else stats.cancelled++;
  }
}
