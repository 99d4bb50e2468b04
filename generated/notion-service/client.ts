// @generated from specs/notion-service.yaml by switchboard, do not edit. Run `switchboard generate` after changing the spec.

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

/** Security scheme names of notion-service, the keys of `credentials`. */
export type NotionServiceScheme = "InternalAuth";

/** What the runtime needs to know about each operation of notion-service. */
export const notionServiceSpec: ServiceSpec = {
  name: "notion-service",
  schemes: {
    InternalAuth: {
      type: "apiKey",
      in: "header",
      name: "X-Internal-Auth",
    },
  },
  operations: {
    getNotionContext: {
      method: "get",
      path: "/internal/notion/users/{userId}/context",
      security: [
        ["InternalAuth"],
      ],
      idempotent: true,
      statuses: [200, 400, 401, 503],
      hasDefault: false,
      parseAs: "json",
    },
    connectNotion: {
      method: "put",
      path: "/internal/notion/users/{userId}/connection",
      security: [
        ["InternalAuth"],
      ],
      idempotent: true,
      statuses: [204, 400, 401, 503],
      hasDefault: false,
      parseAs: "json",
    },
    disconnectNotion: {
      method: "delete",
      path: "/internal/notion/users/{userId}/connection",
      security: [
        ["InternalAuth"],
      ],
      idempotent: true,
      statuses: [204, 400, 401, 503],
      hasDefault: false,
      parseAs: "json",
    },
  },
};

type GetNotionContextOp = paths["/internal/notion/users/{userId}/context"]["get"];
/** Input of `getNotionContext`. */
export type GetNotionContextInput = {
  path: NonNullable<GetNotionContextOp['parameters']['path']>;
};

/** Result of `getNotionContext`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type GetNotionContextResult =
  | Success<200, GetNotionContextOp['responses'][200]['content']['application/json']>
  | Failure<
      | HttpError<400, GetNotionContextOp['responses'][400]['content']['application/json']>
      | HttpError<401, GetNotionContextOp['responses'][401]['content']['application/json']>
      | HttpError<503, GetNotionContextOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

type ConnectNotionOp = paths["/internal/notion/users/{userId}/connection"]["put"];
/** Input of `connectNotion`. */
export type ConnectNotionInput = {
  path: NonNullable<ConnectNotionOp['parameters']['path']>;
  body: NonNullable<ConnectNotionOp['requestBody']>['content']['application/json'];
};

/** Result of `connectNotion`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type ConnectNotionResult =
  | Success<204, undefined>
  | Failure<
      | HttpError<400, ConnectNotionOp['responses'][400]['content']['application/json']>
      | HttpError<401, ConnectNotionOp['responses'][401]['content']['application/json']>
      | HttpError<503, ConnectNotionOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

type DisconnectNotionOp = paths["/internal/notion/users/{userId}/connection"]["delete"];
/** Input of `disconnectNotion`. */
export type DisconnectNotionInput = {
  path: NonNullable<DisconnectNotionOp['parameters']['path']>;
};

/** Result of `disconnectNotion`: a documented success, a documented error (narrow on `error.status`) or a CallFailure. */
export type DisconnectNotionResult =
  | Success<204, undefined>
  | Failure<
      | HttpError<400, DisconnectNotionOp['responses'][400]['content']['application/json']>
      | HttpError<401, DisconnectNotionOp['responses'][401]['content']['application/json']>
      | HttpError<503, DisconnectNotionOp['responses'][503]['content']['application/json']>
      | CallFailure
    >;

/** A typed client for notion-service: one method per operation, each resolving to a Result. */
export interface NotionServiceClient {
  /** GET /internal/notion/users/{userId}/context: Get a user's Notion connection context */
  getNotionContext(input: GetNotionContextInput, options?: CallOptions<NotionServiceScheme>): Promise<GetNotionContextResult>;
  /** PUT /internal/notion/users/{userId}/connection: Connect Notion for a user */
  connectNotion(input: ConnectNotionInput, options?: CallOptions<NotionServiceScheme>): Promise<ConnectNotionResult>;
  /** DELETE /internal/notion/users/{userId}/connection: Disconnect Notion for a user */
  disconnectNotion(input: DisconnectNotionInput, options?: CallOptions<NotionServiceScheme>): Promise<DisconnectNotionResult>;
}

/** Creates a notion-service client. Throws a TypeError when `options.baseUrl` is not an http(s) URL. */
export function createNotionServiceClient(options: ClientOptions<NotionServiceScheme>): NotionServiceClient {
  const call = createCaller(notionServiceSpec, options);
  return {
    getNotionContext: (input, options) => call("getNotionContext", input, options) as Promise<GetNotionContextResult>,
    connectNotion: (input, options) => call("connectNotion", input, options) as Promise<ConnectNotionResult>,
    disconnectNotion: (input, options) => call("disconnectNotion", input, options) as Promise<DisconnectNotionResult>,
  };
}
