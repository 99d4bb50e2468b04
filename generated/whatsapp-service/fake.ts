// @generated from specs/whatsapp-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

import { createFake, type Fake, type FakeExample } from 'switchboard/client';
import type { WhatsappServiceClient } from './client.js';

/** The example answer of each whatsapp-service operation, from the spec (null: no example, override it). */
export const whatsappServiceExamples: Record<keyof WhatsappServiceClient, FakeExample | null> = {
  sendMessage: {
    status: 202,
    value: {
      messageId: "msg_01HZX3K9QF7T",
      status: "queued",
      deduplicated: false,
    },
  },
  getMessage: {
    status: 200,
    value: {
      messageId: "msg_01HZX3K9QF7T",
      userId: "usr_7f3a9c",
      to: "+447700900123",
      text: "Your summary is ready.",
      status: "sent",
      createdAt: "2025-06-01T12:00:00Z",
    },
  },
};

/** An in-memory whatsapp-service client for tests: spec examples by default, `overrides` per method. */
export function createFakeWhatsappServiceClient(overrides: Partial<WhatsappServiceClient> = {}): Fake<WhatsappServiceClient> {
  return createFake<WhatsappServiceClient>("whatsapp-service", whatsappServiceExamples, overrides);
}
