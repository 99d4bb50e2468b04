import { respond } from 'switchboard/server';
import type { LlmOrchestratorHandlers } from '../../../generated/llm-orchestrator/server.js';
import type { NotionServiceClient } from '../../../generated/notion-service/client.js';
import type { UserServiceClient } from '../../../generated/user-service/client.js';
import { verifiedUser } from '../../shared/verified-user.js';
import { answerPrompt, PROVIDERS } from '../domain/answer-prompt.js';
import { fetchUserContext } from '../domain/user-context.js';

const DOWNSTREAM = {
  502: { error: 'user-service failed', code: 'DOWNSTREAM_ERROR' },
  503: { error: 'user-service temporarily unavailable', code: 'SERVICE_UNAVAILABLE' },
} as const;

/** llm-orchestrator's handlers over the generated user-service and notion-service clients. */
export function orchestratorHandlers(
  users: UserServiceClient,
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
      if (provider === undefined || context.keys[provider] === null) {
        return respond(409, {
          error: `No ${body.provider ?? 'LLM'} key configured for this user`,
          code: 'NO_LLM_KEY',
        });
      }
      const answer = answerPrompt(provider, body.prompt, context.notionToken);
      const usage = await users.reportLlmKeyUsage({ path: { uid: userId, provider } });
      const degraded = usage.ok ? context.degraded : [...context.degraded, 'user-service' as const];
      return respond(200, { provider, answer, usedNotionContext: context.notionToken !== null, degraded });
    },
  };
}
