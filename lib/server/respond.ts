import type { HandlerReply } from './route-table.js';

/**
 * Type-only mark of a reply built by `respond()`. A returned object literal is never checked for excess
 * properties against a handler's inferred return type, so `{ status, body }` with a field the spec lacks
 * would compile and the field be dropped on the wire; requiring the mark sends every reply through
 * `respond()`, whose body argument is checked where it is written.
 */
declare const builtByRespond: unique symbol;

/** A reply built by `respond()`; the generated `<Operation>Reply` types are unions of these. */
export type Replied<R extends HandlerReply> = R & { readonly [builtByRespond]: true };

// `R` is the reply type expected where `respond()` is returned, inferred from that context; in an async
// handler the context also holds `PromiseLike<R>`, which `Member` drops.
type Member<R> = R extends { status: number } ? R : never;
type Exact<R, S> = Extract<Member<R>, { status: S }>;
/** A range response (`4XX`, its status a union of the class's unlisted statuses) that holds `S`. */
type InRange<R, S> =
  Member<R> extends infer M
    ? M extends { status: infer T }
      ? number extends T
        ? never
        : S extends T
          ? M
          : never
      : never
    : never;
/** The `default` response (`status: number`): answers every status the spec does not list. */
type Fallback<R> =
  Member<R> extends infer M
    ? M extends { status: infer T }
      ? number extends T
        ? M
        : never
      : never
    : never;
/** The reply for `S`: its own response, else the range that holds it, else `default`. */
type ReplyFor<R, S> = [Exact<R, S>] extends [never]
  ? [InRange<R, S>] extends [never]
    ? Fallback<R>
    : InRange<R, S>
  : Exact<R, S>;
type StatusOf<R> = Member<R>['status'];
type BodyOf<R, S> = ReplyFor<R, S> extends { body?: infer B } ? B : never;
/** `S` where its reply has no body; otherwise a message the compiler prints for `respond(200)`. */
type WithoutBody<R, S> = S extends unknown
  ? unknown extends BodyOf<R, S>
    ? S
    : [BodyOf<R, S>] extends [undefined]
      ? S
      : `${S & number} needs a body`
  : never;
type ResponseHeaders = Record<string, string>;

/**
 * Builds a handler's answer: a status the spec documents for the operation and that status's body, plus
 * optional response headers. Return it directly (`return respond(404, notFound)`): the operation's reply type
 * is inferred from there, so an undocumented status, a wrong body or a property the spec does not have is
 * a compile error on that line. Statuses without a body take no body argument (`respond(204)`).
 */
export function respond<R = Replied<HandlerReply>, const S extends StatusOf<R> = StatusOf<R>>(
  status: WithoutBody<R, S>,
): ReplyFor<R, S>;
export function respond<R = Replied<HandlerReply>, const S extends StatusOf<R> = StatusOf<R>>(
  status: S,
  body: NoInfer<BodyOf<R, S>>,
  headers?: ResponseHeaders,
): ReplyFor<R, S>;
export function respond(status: number, body?: unknown, headers?: ResponseHeaders): HandlerReply {
  return headers === undefined ? { status, body } : { status, body, headers };
}
