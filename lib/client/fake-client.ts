import { callFailure } from './call-failure.js';
import type { ErrorCode } from './error-code.js';
import { codeForStatus } from './error-code.js';
import type { CallFailure, Failure, HttpError, Success } from './result.js';

type Method = (...args: never[]) => Promise<unknown>;

/** The arguments of every call a fake received, per method, oldest first. */
export type FakeCalls<C> = { [K in keyof C]: C[K] extends (...args: infer A) => unknown ? A[] : never };

/** A fake client: the real interface, plus recorded calls and a way to swap behaviour per method. */
export type Fake<C> = C & {
  readonly calls: FakeCalls<C>;
  /** Replaces the behaviour of some methods from now on. */
  override(methods: Partial<C>): void;
  /** Forgets recorded calls and overrides. */
  reset(): void;
};

/** The example answer of an operation: its first documented success status and that status's example. */
export interface FakeExample {
  status: number;
  value: unknown;
}

/**
 * Creates an in-memory fake for a generated client. Each method answers with its override if given, else
 * with a success built from the spec's example (a fresh copy each call). A method with neither throws when
 * called, since the test forgot to say what it should answer.
 */
export function createFake<C extends object>(
  service: string,
  examples: Readonly<Record<keyof C & string, FakeExample | null>>,
  initial: Partial<C> = {},
): Fake<C> {
  let overrides: Partial<C> = { ...initial };
  const calls = {} as Record<string, unknown[][]>;
  const fake = {} as Record<string, unknown>;
  for (const name of Object.keys(examples) as (keyof C & string)[]) {
    calls[name] = [];
    fake[name] = async (...args: unknown[]) => {
      calls[name]?.push(args);
      const override = overrides[name] as Method | undefined;
      if (override !== undefined) return override(...(args as never[]));
      const example = examples[name];
      if (example === null || example === undefined) {
        throw new Error(
          `fake ${service}.${name} has no example in the spec; override it: fake.override({ ${name}: async () => ok(...) })`,
        );
      }
      return ok(structuredClone(example.value), example.status);
    };
  }
  fake.calls = calls;
  fake.override = (methods: Partial<C>) => {
    overrides = { ...overrides, ...methods };
  };
  fake.reset = () => {
    overrides = {};
    for (const list of Object.values(calls)) list.length = 0;
  };
  return fake as Fake<C>;
}

/** A success Result, for fakes and tests. `status` defaults to 200. */
export function ok<T, S extends number = 200>(value: T, status: S = 200 as S): Success<S, T> {
  return { ok: true, status, value, headers: new Headers() };
}

/** A documented error Result for `status` with `body`, for fakes and tests. */
export function httpError<S extends number, B>(
  status: S,
  body: B,
  operationId = 'fake',
): Failure<HttpError<S, B>> {
  const code = codeForStatus(status);
  const headers = new Headers();
  return {
    ok: false,
    error: { kind: 'http', status, code, message: `HTTP ${status}`, body, headers, attempts: 1, operationId },
  };
}

/** A transport or policy failure Result (e.g. `TIMEOUT`, `CIRCUIT_OPEN`), for fakes and tests. */
export function transportError(code: ErrorCode, message = code, operationId = 'fake'): Failure<CallFailure> {
  return { ok: false, error: callFailure('transport', code, message, { operationId }) };
}
