import type { ErrorCode } from './error-code.js';

/** Response headers: the WHATWG `Headers` or the transport's lighter reader, both read case-insensitively. */
export interface ResponseHeaders {
  get(name: string): string | null;
  has(name: string): boolean;
}

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type ToNumber<S> = S extends `${infer N extends number}` ? N : never;

/**
 * The statuses of a spec range such as `4XX` (`Class` 4: 400 | 401 | … | 499) minus `Listed`, the ones the
 * operation documents on their own: comparing `status` with a listed one narrows to that response, with any
 * other status of the class to the range's.
 */
export type StatusInRange<Class extends 1 | 2 | 3 | 4 | 5, Listed extends number = never> = Exclude<
  ToNumber<`${Class}${Digit}${Digit}`>,
  Listed
>;

/** A documented 2xx answer: `status` narrows `value` when an operation has several success statuses. */
export interface Success<S extends number, T> {
  ok: true;
  status: S;
  value: T;
  headers: ResponseHeaders;
}

/** A documented error status: comparing `status` narrows `body` to that status's schema. */
export interface HttpError<S extends number, B> {
  kind: 'http';
  status: S;
  code: ErrorCode;
  message: string;
  body: B;
  headers: ResponseHeaders;
  attempts: number;
  operationId: string;
}

/**
 * A call that produced no documented answer: a transport failure (no status), a policy refusal such as an
 * open circuit, or a response the spec does not list (`httpStatus` holds its status).
 */
export interface CallFailure {
  kind: 'transport' | 'policy' | 'undocumented';
  status: undefined;
  httpStatus?: number | undefined;
  code: ErrorCode;
  message: string;
  body: unknown;
  attempts: number;
  operationId: string;
  cause?: unknown;
}

/** A failed call; `E` is the union of the operation's documented errors plus CallFailure. */
export interface Failure<E> {
  ok: false;
  error: E;
}

/** What every generated client method resolves to; it never rejects except for programmer misuse. */
export type Result<S, E> = S | Failure<E>;
