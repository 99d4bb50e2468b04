export { callFailure, failureFromUnknown } from './call-failure.js';
export {
  type AttemptContext,
  type CallPolicy,
  DeadlineExceededError,
  singleAttemptPolicy,
} from './call-policy.js';
export {
  type CallOptions,
  type ClientOptions,
  type Credential,
  DEFAULT_TIMEOUT_MS,
} from './client-options.js';
export { type Caller, type CallInput, createCaller } from './create-caller.js';
export { codeForStatus, ERROR_CODES, type ErrorCode } from './error-code.js';
export {
  type EventStream,
  EventStreamError,
  type EventStreamOptions,
  eventStreamOf,
  readEventStream,
} from './event-stream.js';
export {
  createFake,
  type Fake,
  type FakeCalls,
  type FakeExample,
  httpError,
  ok,
  transportError,
} from './fake-client.js';
export type { FilePart, MultipartInput, UploadedFile } from './multipart.js';
export {
  CORRELATION_HEADER,
  childTraceparent,
  DEADLINE_HEADER,
  TRACEPARENT_HEADER,
} from './outbound-headers.js';
export * from './resilience/index.js';
export type {
  CallFailure,
  Failure,
  HttpError,
  ResponseHeaders,
  Result,
  StatusInRange,
  Success,
} from './result.js';
export { formatEvent, type ServerSentEvent } from './server-sent-event.js';
export type { OperationSpec, SecuritySchemeSpec, ServiceSpec } from './service-spec.js';
export { type BaseUrl, MAX_REPLICAS, parseOrigins } from './transport/origin-list.js';
export { isReplicaFailureStatus } from './transport/replica-attempt.js';
export type { DnsDiscovery, ReplicaEvent, ReplicaOptions } from './transport/replica-options.js';
export { type Replica, ReplicaSet } from './transport/replica-set.js';
export {
  createTransport,
  defaultTransport,
  type PoolCounters,
  type Transport,
  type TransportOptions,
} from './transport/undici-transport.js';
