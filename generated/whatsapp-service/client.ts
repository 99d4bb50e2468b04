// @generated from specs/whatsapp-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

import {
  type CallFailure,
  type CallOptions,
  type ClientOptions,
  createCaller,
  type Failure,
  type HttpError,
  type ServiceSpec,
  type Success,
} from 'switchboard/client';
import type { paths } from './types.js';

/** Security scheme names of whatsapp-service, the keys of `credentials`. */
export type WhatsappServiceScheme = "InternalAuth";

/** What the runtime needs to know about each operation of whatsapp-service. */
export const whatsappServiceSpec: ServiceSpec = {
  name: "whatsapp-service",
  schemes: {
    InternalAuth: {
      type: "apiKey",
      in: "header",
      name: "X-Internal-Auth",
    },
  },
  operations: {
    sendMessage: {
      method: "post",
      path: "/internal/whatsapp/messages",
      security: [
        ["InternalAuth"],
      ],
      idempotent: true,
      statuses: [202, 400, 401, 409, 503],
      hasDefault: false,
      parseAs: "json",
      timeoutMs: 5000,
    },
    getMessage: {
      method: "get",
      path: "/internal/whatsapp/messages/{messageId}",
      security: [
        ["InternalAuth"],
      ],
      idempotent: true,
      statuses: [200, 400, 401, 404, 503],
      hasDefault: false,
      parseAs: "json",
    },
  },
};

type SendMessageOp = paths["/internal/whatsapp/messages"]["post"];
/** Input of `sendMessage`. */
export type SendMessageInput = {
  headers: NonNullable<SendMessageOp['parameters']['header']>;
  body: NonNullable<SendMessageOp['requestBody']>['content']['application/json'];
};

/** Result of `sendMessage`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type SendMessageResult =
  | Success<202, SendMessageOp['responses'][202]['content']['application/json']>
  | Failure<
      | HttpError<400, SendMessageOp['responses'][400]['content']['application/json']>
      | HttpError<401, SendMessageOp['responses'][401]['content']['application/json']>
      | HttpError<409, SendMessageOp['responses'][409]['content']['application/json']>
      | HttpError<503, SendMessageOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

type GetMessageOp = paths["/internal/whatsapp/messages/{messageId}"]["get"];
/** Input of `getMessage`. */
export type GetMessageInput = {
  path: NonNullable<GetMessageOp['parameters']['path']>;
};

/** Result of `getMessage`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type GetMessageResult =
  | Success<200, GetMessageOp['responses'][200]['content']['application/json']>
  | Failure<
      | HttpError<400, GetMessageOp['responses'][400]['content']['application/json']>
      | HttpError<401, GetMessageOp['responses'][401]['content']['application/json']>
      | HttpError<404, GetMessageOp['responses'][404]['content']['application/json']>
      | HttpError<503, GetMessageOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

/** A typed client for whatsapp-service: one method per operation, each resolving to a Result. */
export interface WhatsappServiceClient {
  /** POST /internal/whatsapp/messages: Send a WhatsApp text message */
  sendMessage(input: SendMessageInput, options?: CallOptions<WhatsappServiceScheme>): Promise<SendMessageResult>;
  /** GET /internal/whatsapp/messages/{messageId}: Get a message and its status */
  getMessage(input: GetMessageInput, options?: CallOptions<WhatsappServiceScheme>): Promise<GetMessageResult>;
}

/** Creates a whatsapp-service client. Throws a TypeError when `options.baseUrl` is not an http(s) URL. */
export function createWhatsappServiceClient(options: ClientOptions<WhatsappServiceScheme>): WhatsappServiceClient {
  const call = createCaller(whatsappServiceSpec, options);
  return {
    sendMessage: (input, options) => call("sendMessage", input, options) as Promise<SendMessageResult>,
    getMessage: (input, options) => call("getMessage", input, options) as Promise<GetMessageResult>,
  };
}
