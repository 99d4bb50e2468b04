/**
 * One Server-Sent Event as a handler yields it and a client reads it: `data` is the event's payload (JSON of
 * the operation's `x-event-schema`, or the text itself when the spec gives none), `event` its type (absent:
 * `message`), `id` what a reconnecting client sends back as `Last-Event-ID`, `retry` the reconnection delay in
 * ms the server asks for.
 */
export interface ServerSentEvent<T> {
  data: T;
  event?: string;
  id?: string;
  retry?: number;
}

/**
 * The wire form of one event (`event:`, `id:`, `retry:`, then one `data:` line per line of `data`), ended by
 * the blank line. `data` is already a string (serialized JSON or the text); carriage returns and line feeds in
 * `event` and `id` would end the field early, so they are dropped.
 */
export function formatEvent(data: string, event?: string, id?: string, retry?: number): string {
  let out = '';
  if (event !== undefined) out += `event: ${event.replace(/[\r\n]/g, '')}\n`;
  if (id !== undefined) out += `id: ${id.replace(/[\r\n\0]/g, '')}\n`;
  if (retry !== undefined) out += `retry: ${Math.max(0, Math.floor(retry))}\n`;
  if (data.includes('\n') || data.includes('\r')) {
    for (const line of data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  } else out += `data: ${data}\n`;
  return `${out}\n`;
}
