/** Bytes a buffer starts with: room for about a hundred spans. */
const INITIAL_BYTES = 64 * 1024;

/**
 * Spans' OTLP/JSON text, written as UTF-8 one after another as the spans end, and taken in order as the
 * `spans` array of an export request. Writing each text into one buffer at once costs less than keeping the
 * strings and joining a batch of them (V8 builds each span's text as a rope, which a join must flatten):
 * about 1.3 µs less per span, measured on 512 server spans.
 */
export class SpanTextBuffer {
  #buffer = Buffer.allocUnsafe(INITIAL_BYTES);
  #start = 0;
  #end = 0;
  /** Where each span not taken yet ends, its comma included. */
  #ends: number[] = [];

  /** Spans written and not taken yet. */
  get count(): number {
    return this.#ends.length;
  }

  /** Writes one span's text. */
  push(text: string): void {
    // At most 3 UTF-8 bytes per UTF-16 unit, and the comma.
    const room = text.length * 3 + 1;
    if (this.#end + room > this.#buffer.length) this.#grow(room);
    this.#end += this.#buffer.write(text, this.#end);
    this.#buffer[this.#end++] = 0x2c;
    this.#ends.push(this.#end);
  }

  /**
   * The first `count` spans' text, comma-separated. A view of the buffer, which never writes over what was
   * taken: an export can hold it while later spans are written.
   */
  take(count: number): Buffer {
    const end = this.#ends[count - 1] as number;
    const taken = this.#buffer.subarray(this.#start, end - 1);
    this.#ends = this.#ends.slice(count);
    this.#start = end;
    return taken;
  }

  /** Moves what is not taken to a new buffer with `room` more bytes (the old one stays with its takers). */
  #grow(room: number): void {
    const waiting = this.#end - this.#start;
    const next = Buffer.allocUnsafe(Math.max(INITIAL_BYTES, (waiting + room) * 2));
    this.#buffer.copy(next, 0, this.#start, this.#end);
    this.#ends = this.#ends.map((end) => end - this.#start);
    this.#buffer = next;
    this.#start = 0;
    this.#end = waiting;
  }
}
