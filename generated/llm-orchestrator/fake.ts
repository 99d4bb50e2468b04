// @generated from specs/llm-orchestrator.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

import { createFake, type Fake, type FakeExample } from 'switchboard/client';
import type { LlmOrchestratorClient } from './client.js';

/** The example answer of each llm-orchestrator operation, from the spec (null: no example, override it). */
export const llmOrchestratorExamples: Record<keyof LlmOrchestratorClient, FakeExample | null> = {
  getReadiness: {
    status: 200,
    value: {
      providers: {
        google: true,
        openai: false,
        anthropic: true,
      },
      notionConnected: true,
      degraded: [],
    },
  },
  createPrompt: {
    status: 200,
    value: {
      provider: "anthropic",
      answer: "Yesterday you agreed on the Q3 roadmap and assigned the launch checklist to Sam.",
      usedNotionContext: true,
      degraded: [],
    },
  },
  createPromptStream: null,
};

/** An in-memory llm-orchestrator client for tests: spec examples by default, `overrides` per method. */
export function createFakeLlmOrchestratorClient(overrides: Partial<LlmOrchestratorClient> = {}): Fake<LlmOrchestratorClient> {
  return createFake<LlmOrchestratorClient>("llm-orchestrator", llmOrchestratorExamples, overrides);
}
