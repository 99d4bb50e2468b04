import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  type AuthDecision,
  createServiceApp,
  type LoggerOption,
  type MetricsHandler,
} from 'switchboard/server';
import { llmProviderDocument } from '../../generated/llm-provider/document.js';
import { llmProviderRoutesPlugin } from '../../generated/llm-provider/server.js';
import type { CompletionStats } from './domain/completion.js';
import { providerHandlers } from './routes/handlers.js';

/** What llm-provider needs from outside. */
export interface ProviderDeps {
  /** Pause between two tokens, in ms. */
  tokenDelayMs: number;
  /** Counters the stand-in keeps (tests read them). Default: fresh ones. */
  stats?: CompletionStats;
  /** Whether an API key is one the provider knows. Default: any key of 8 to 512 characters. */
  acceptKey?: (key: string) => boolean;
  logger?: LoggerOption;
  /** Serves `/metrics` (see startTelemetry); none when absent. */
  metrics?: MetricsHandler;
}

const UNAUTHORIZED: AuthDecision = { ok: false, status: 401, body: { error: 'Unauthorized' } };

/** Any key of 8 to 512 characters: without a list of keys, the stand-in checks only the shape of one. */
export const anyWellFormedKey = (key: string): boolean => key.length >= 8 && key.length <= 512;

/** Checks the Bearer API key with `acceptKey`. */
function apiKeyAuthenticator(acceptKey: (key: string) => boolean) {
  return (request: FastifyRequest): AuthDecision => {
    const header = request.headers.authorization;
    const key = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    return key !== '' && acceptKey(key) ? { ok: true } : UNAUTHORIZED;
  };
}

/** Builds llm-provider (not listening). */
export function buildProviderApp(deps: ProviderDeps): Promise<FastifyInstance> {
  return createServiceApp({
    name: 'llm-provider',
    routes: llmProviderRoutesPlugin,
    handlers: providerHandlers(deps.tokenDelayMs, deps.stats ?? { completed: 0, cancelled: 0 }),
    authenticate: { ApiKey: apiKeyAuthenticator(deps.acceptKey ?? anyWellFormedKey) },
    document: llmProviderDocument,
    context: { propagate: false },
    ...(deps.logger === undefined ? {} : { logger: deps.logger }),
    ...(deps.metrics === undefined ? {} : { metrics: deps.metrics }),
  });
}
