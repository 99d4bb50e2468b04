import { instruments } from './instruments.js';
import { type CountedEvent, countEvent } from './resilience-metrics.js';

/**
 * Wraps a resilient policy's `onEvent` so that every retry, rejection and breaker transition is also counted
 * into the OpenTelemetry metrics (no-ops without an SDK) before the caller's own handler sees it.
 */
export function countedEvents<E extends CountedEvent>(
  onEvent: ((event: E) => void) | undefined,
): (event: E) => void {
  return (event) => {
    const meters = instruments();
    if (meters.enabled) countEvent(meters.resilience, event);
    onEvent?.(event);
  };
}
