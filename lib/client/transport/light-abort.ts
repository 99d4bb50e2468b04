type Listener = (event: { type: 'abort' }) => void;

/**
 * The abort handle the pooled transport gives undici for each attempt instead of an AbortController: on
 * Node 20 creating a real AbortSignal costs ~6–10 µs per request (the largest single cost of the client,
 * `make bench SUITES=client`). undici accepts any object with `aborted`, `reason` and add/removeEventListener.
 * Only used with the undici transport; an injected WHATWG `fetch` gets a real AbortController.
 */
export class LightAbortController {
  readonly signal = this as unknown as AbortSignal;
  aborted = false;
  reason: unknown = undefined;
  #listeners: Listener[] = [];

  addEventListener(type: string, listener: Listener): void {
    if (type === 'abort') this.#listeners.push(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    if (type !== 'abort') return;
    const i = this.#listeners.indexOf(listener);
    if (i !== -1) this.#listeners.splice(i, 1);
  }

  abort(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    for (const listener of this.#listeners.splice(0)) listener({ type: 'abort' });
  }
}
