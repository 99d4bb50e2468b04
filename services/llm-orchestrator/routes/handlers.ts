import { respond } from 'switchboard/server';
import type { LlmOrchestratorHandlers } from '../../../generated/llm-orchestrator/server.js';
import type { NotionServiceClient } from '../../../generated/notion-service/client.js';
import { verifiedUser } from '../../shared/verified-user.js';
import { answerPrompt, PROVIDERS, promptWithContext } from '../domain/answer-prompt.js';
import { relayAnswer } from '../domain/relay-answer.js';
import { fetchNotionContext, fetchUserContext } from '../domain/user-context.js';
import type { UserServiceFacade } from '../domain/user-service-facade.js';

const DOWNSTREAM = {
  502: { error: 'user-service failed', code: 'DOWNSTREAM_ERROR' },
  503: { error: 'user-service temporarily unavailable', code: 'SERVICE_UNAVAILABLE' },
} as const;

const noKey = (provider: string | undefined) => ({
  error: `No ${provider ?? 'LLM'} key configured for this user`,
  code: 'NO_LLM_KEY',
});

/** llm-orchestrator's handlers over the user-service facade, notion-service and the LLM provider. */
export function orchestratorHandlers(
  users: UserServiceFacade,
  notion: NotionServiceClient,
): LlmOrchestratorHandlers {
  return {
    getReadiness: async ({ params }) => {
      const context = await fetchUserContext(users, notion, params.uid);
      if ('failed' in context) return respond(context.failed, DOWNSTREAM[context.failed]);
      const { keys } = context;
      return respond(200, {
        providers: {
          google: keys.google !== null,
          openai: keys.openai !== null,
          anthropic: keys.anthropic !== null,
        },
        notionConnected: context.notionToken !== null,
        degraded: context.degraded,
      });
    },
    createPrompt: async ({ body, principal }) => {
      const { userId } = verifiedUser(principal);
      const context = await fetchUserContext(users, notion, userId);
      if ('failed' in context) return respond(context.failed, DOWNSTREAM[context.failed]);
      const provider = body.provider ?? PROVIDERS.find((p) => context.keys[p] !== null);
      if (provider === undefined || context.keys[provider] === null)
        return respond(409, noKey(body.provider));
      const answer = answerPrompt(provider, body.prompt, context.notionToken);
      const reported = await users.reportLlmSuccess(userId, provider);
      const degraded = reported ? context.degraded : [...context.degraded, 'user-service' as const];
      return respond(200, { provider, answer, usedNotionContext: context.notionToken !== null, degraded });
    },
    createPromptStream: async ({ body, principal }) => {
      const { userId } = verifiedUser(principal);
      const [llm, context] = await Promise.all([
        users.getLlmClient(userId, body.provider),
        fetchNotionContext(notion, userId),
      ]);
      if ('failed' in llm) return respond(llm.failed, DOWNSTREAM[llm.failed]);
      if ('noKey' in llm) return respond(409, noKey(body.provider));
      const completion = await llm.streamCompletion(promptWithContext(body.prompt, context.notionToken));
      if (!completion.ok) {
        const refused = completion.error.code === 'CIRCUIT_OPEN' || completion.error.code === 'BULKHEAD_FULL';
        return refused
          ? respond(503, { error: 'LLM provider temporarily unavailable', code: 'SERVICE_UNAVAILABLE' })
          : respond(502, { error: 'LLM provider failed', code: 'DOWNSTREAM_ERROR' });
      }
      const usedNotionContext = context.notionToken !== null;
      return respond(
        200,
        relayAnswer(completion.value, async (tokens) => {
          const reported = await users.reportLlmSuccess(userId, llm.provider);
          const degraded = reported ? context.degraded : [...context.degraded, 'user-service' as const];
          return { type: 'done', provider: llm.provider, tokens, usedNotionContext, degraded };
        }),
      );
    },
  };
}
