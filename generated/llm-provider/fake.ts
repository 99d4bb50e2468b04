// @generated from specs/llm-provider.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

import { createFake, type Fake, type FakeExample } from 'switchboard/client';
import type { LlmProviderClient } from './client.js';

/** The example answer of each llm-provider operation, from the spec (null: no example, override it). */
export const llmProviderExamples: Record<keyof LlmProviderClient, FakeExample | null> = {
  createCompletion: null,
};

/** An in-memory llm-provider client for tests: spec examples by default, `overrides` per method. */
export function createFakeLlmProviderClient(overrides: Partial<LlmProviderClient> = {}): Fake<LlmProviderClient> {
  return createFake<LlmProviderClient>("llm-provider", llmProviderExamples, overrides);
}
