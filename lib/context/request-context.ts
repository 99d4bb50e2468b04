import { AsyncLocalStorage } from 'node:async_hooks';
import type { Span } from '@opentelemetry/api';

/** What a request carries to every outbound call made while handling it. */
export interface RequestContext {
  /** The correlation ID of the inbound request, sent as `X-Correlation-ID` on every outbound call. */
  correlationId: string;
  /** The inbound W3C `traceparent`, if any; outbound calls send a child of it. */
  traceparent?: string | undefined;
  /** Epoch milliseconds by which the whole request must be answered; outbound calls get what remains. */
  deadline?: number | undefined;
  /** Aborted when the inbound request is abandoned or its deadline passes. */
  signal?: AbortSignal | undefined;
  /** The inbound request's server span: outbound calls' spans are its children. */
  span?: Span | undefined;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with `context` as the current request context (generated clients read it). */
export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The request context of the code now running, or undefined outside a request. */
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Sets the context for the rest of the current synchronous execution and what it schedules (Fastify hooks). */
export function enterContext(context: RequestContext): void {
  storage.enterWith(context);
}
