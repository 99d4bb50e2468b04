import { randomBytes } from 'node:crypto';

const prefix = `${randomBytes(8).toString('hex')}-`;
let sequence = 0;

/**
 * A fresh correlation ID: a random 64-bit prefix drawn once per process, then a sequence number in base 36
 * (`9f3c0a7be21d4c85-1k`). Unique across processes without drawing entropy per ID, which `randomUUID` does
 * (about 1 µs a request on Node 20, measured under load); matches the sane-ID pattern `[A-Za-z0-9._:-]{1,128}`.
 */
export function newCorrelationId(): string {
  sequence += 1;
  return prefix + sequence.toString(36);
}
