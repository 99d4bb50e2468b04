/** How a generated client authenticates: the spec's security schemes, reduced to what a client sends. */
export type SecuritySchemeSpec =
  | { type: 'apiKey'; in: 'header' | 'query'; name: string }
  | { type: 'http'; scheme: string };

/** One operation as the runtime needs it; generated from the spec into `generated/<service>/client.ts`. */
export interface OperationSpec {
  method: 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';
  path: string;
  /** Alternatives (OR) of scheme names that must all be satisfied (AND); empty means open. */
  security: readonly (readonly string[])[];
  /** Safe to retry: GET/PUT/DELETE by default, `x-idempotent` in the spec overrides. */
  idempotent: boolean;
  /** `x-timeout-ms` from the spec, if set. */
  timeoutMs?: number;
  /** `x-retry` from the spec, if set. */
  retry?: { maxAttempts: number; baseDelayMs?: number; maxDelayMs?: number };
  /** Every documented numeric status. */
  statuses: readonly number[];
  /** The class digit of every documented range (`4` for `4XX`): any status of the class not listed is documented. */
  ranges?: readonly number[];
  /** Whether the spec has a `default` response, which covers every unlisted status. */
  hasDefault: boolean;
  /** How to read a success body: JSON, text, bytes (a `Uint8Array`) or Server-Sent Events (an EventStream). */
  parseAs: 'json' | 'text' | 'bytes' | 'events';
  /** With `parseAs: 'events'`: each event's data is JSON (the spec has an `x-event-schema`) or text. */
  events?: 'json' | 'text';
  /**
   * How the request body is sent when it is not JSON: a string (`text`), URL-encoded fields (`form`, arrays as
   * repeated keys), a `Blob`/`Uint8Array` as it is (`binary`), or `multipart/form-data` parts (`multipart`).
   */
  requestBody?: 'text' | 'form' | 'binary' | 'multipart';
  /** The request's Content-Type when it is not `application/json` (nor `text/plain` for a text body). */
  contentType?: string;
  /**
   * Every request media type the operation accepts, by the spec's name, with how each is sent, when it
   * accepts several; a call picks one with `input.contentType` (default: the one `requestBody` and
   * `contentType` above describe). Absent when there is one.
   */
  bodies?: Readonly<Record<string, BodySending>>;
}

/** How a request body of one media type is sent (see OperationSpec `requestBody` and `contentType`). */
export interface BodySending {
  requestBody?: 'text' | 'form' | 'binary' | 'multipart';
  contentType?: string;
}

/** A whole service: its name (the spec file's base name), its security schemes and operations. */
export interface ServiceSpec {
  name: string;
  schemes: Readonly<Record<string, SecuritySchemeSpec>>;
  operations: Readonly<Record<string, OperationSpec>>;
}
