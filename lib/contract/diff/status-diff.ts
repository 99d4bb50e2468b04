import type { RawChange, Segments } from './change.js';

/**
 * Compares the documented statuses of an operation. A generated client treats an undocumented 2xx as an
 * invalid response, so a success status removed, changed or added breaks consumers; error statuses come
 * and go compatibly (an old client still sees an error).
 */
export function diffStatuses(operation: string, base: string[], head: string[], at: Segments): RawChange[] {
  const out: RawChange[] = [];
  const success = (s: string) => s.startsWith('2');
  const removed = base.filter((s) => !head.includes(s));
  const added = head.filter((s) => !base.includes(s));
  const addedSuccess = added.filter(success);
  for (const status of removed) {
    if (!success(status)) {
      out.push({
        operation,
        kind: 'error-status-removed',
        message: `response ${status} removed`,
        breaking: false,
        at,
      });
      continue;
    }
    const replacement = addedSuccess.shift();
    if (replacement === undefined) {
      const message = `success response ${status} removed`;
      out.push({ operation, kind: 'success-status-removed', message, breaking: true, at });
    } else {
      const message = `success status changed from ${status} to ${replacement}`;
      out.push({
        operation,
        kind: 'success-status-changed',
        message,
        breaking: true,
        at: [...at, replacement],
      });
    }
  }
  for (const status of addedSuccess) {
    const message = `success response ${status} added (older clients treat it as an invalid response)`;
    out.push({ operation, kind: 'success-status-added', message, breaking: true, at: [...at, status] });
  }
  for (const status of added.filter((s) => !success(s))) {
    out.push({
      operation,
      kind: 'error-status-added',
      message: `response ${status} added`,
      breaking: false,
      at: [...at, status],
    });
  }
  return out;
}
