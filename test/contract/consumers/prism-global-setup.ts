// vitest globalSetup: one Prism per downstream spec that a service in services/ consumes, started in
// parallel once per test run; test files reach them through `usePrism` (test/helpers/prism.ts).
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPrisms } from '../../../lib/contract/prism/index.js';

/** The specs whose clients services/ use: llm-orchestrator → user, notion, auth; user-service → auth. */
export const CONSUMED_SERVICES = ['auth-service', 'user-service', 'notion-service'] as const;

/** Starts the mocks and provides `prismUrls`; the returned teardown stops them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const specsDir = join(import.meta.dirname, '..', '..', '..', 'specs');
  const fleet = await startPrisms(CONSUMED_SERVICES, { specsDir });
  console.log(`[prism] mocks of ${CONSUMED_SERVICES.join(', ')} answering after ${fleet.startupMs} ms`);
  project.provide('prismUrls', { ...fleet.urls });
  return () => fleet.stop();
}
