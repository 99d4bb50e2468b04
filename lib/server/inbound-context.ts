import type { ServerResponse } from 'node:http';
import type { Span } from '@opentelemetry/api';
import type { RequestContext } from '../context/request-context.js';

/**
 * The request context of one inbound request. Its abort signal, the deadline timer and the `close` listener
 * behind it are made the first time `signal` is read: most requests never read it, and an AbortController,
 * a timer and a listener per request cost more than the rest of the context together.
 */
export class InboundContext implements RequestContext {
  readonly correlationId: string;
  readonly traceparent: string | undefined;
  readonly deadline: number;
  readonly #response: ServerResponse;
  #controller: AbortController | undefined;
  /** The request's server span, set by the telemetry plugin. */
  span: Span | undefined;

  constructor(
    correlationId: string,
    traceparent: string | undefined,
    deadline: number,
    response: ServerResponse,
  ) {
    this.correlationId = correlationId;
    this.traceparent = traceparent;
    this.deadline = deadline;
    this.#response = response;
  }

  /** Aborted when the deadline passes or the client goes away before the answer is written. */
  get signal(): AbortSignal {
    this.#controller ??= this.#arm();
    return this.#controller.signal;
  }

  #arm(): AbortController {
    const controller = new AbortController();
    const response = this.#response;
    if (response.writableEnded) return controller; // answered already: nothing left to abort
    // `closed` is undefined on light-my-request's response; `destroyed` covers a socket gone before this read.
    if (response.closed === true || response.destroyed) {
      controller.abort(new Error('client closed the request'));
      return controller;
    }
    const left = this.deadline - Date.now();
    if (left <= 0) {
      controller.abort(new Error('deadline exceeded'));
      return controller;
    }
    const timer = setTimeout(() => controller.abort(new Error('deadline exceeded')), left);
    timer.unref();
    response.once('close', () => {
      clearTimeout(timer);
      if (!response.writableFinished) controller.abort(new Error('client closed the request'));
    });
    return controller;
  }
}
