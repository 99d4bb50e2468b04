/** The providers in the order one is picked when the caller names none. */
export const PROVIDERS = ['anthropic', 'openai', 'google'] as const;
export type Provider = (typeof PROVIDERS)[number];

/**
 * The reference orchestrator makes no outbound LLM call (this workplace has no network): it answers
 * deterministically, showing which provider and context it would have used. Swap this for a real provider
 * client; everything around it (keys, context, usage reporting, degradation) is the real flow.
 */
export function answerPrompt(provider: Provider, prompt: string, notionToken: string | null): string {
  const context = notionToken === null ? 'without Notion context' : 'with Notion context';
  return `[${provider}] ${context}: ${prompt}`.slice(0, 16000);
}

/**
 * The prompt sent to the LLM provider: the user's, marked when their Notion context comes with it (the
 * stand-in provider echoes it, so the mark shows in the answer).
 */
export function promptWithContext(prompt: string, notionToken: string | null): string {
  return notionToken === null ? prompt : `(with Notion context) ${prompt}`;
}
