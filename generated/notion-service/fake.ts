// @generated from specs/notion-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

import { createFake, type Fake, type FakeExample } from 'switchboard/client';
import type { NotionServiceClient } from './client.js';

/** The example answer of each notion-service operation, from the spec (null: no example, override it). */
export const notionServiceExamples: Record<keyof NotionServiceClient, FakeExample | null> = {
  getNotionContext: {
    status: 200,
    value: {
      connected: true,
      token: "secret_3xAmPl3NotionIntegrationToken0000000000",
    },
  },
  connectNotion: { status: 204, value: undefined },
  disconnectNotion: { status: 204, value: undefined },
};

/** An in-memory notion-service client for tests: spec examples by default, `overrides` per method. */
export function createFakeNotionServiceClient(overrides: Partial<NotionServiceClient> = {}): Fake<NotionServiceClient> {
  return createFake<NotionServiceClient>("notion-service", notionServiceExamples, overrides);
}
