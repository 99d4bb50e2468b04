import { describe, expect, it } from 'vitest';
import { EventStreamError, formatEvent, readEventStream } from '../../../lib/client/index.js';

/** A body that arrives in the given pieces (split anywhere, even inside a UTF-8 character). */
async function* pieces(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? new TextEncoder().encode(part) : part;
}

const read = async (body: AsyncIterable<Uint8Array>, json = true) => {
  const out: unknown[] = [];
  for await (const event of readEventStream(body, { operationId: 'op', json })) out.push(event);
  return out;
};

describe('readEventStream', () => {
  it('parses events split across chunks, multi-byte characters included', async () => {
    const bytes = new TextEncoder().encode(formatEvent(JSON.stringify({ word: 'blåbær' }), 'word', '9'));
    const cut = bytes.indexOf(0xc3) + 1; // inside the two-byte 'å'
    expect(await read(pieces(bytes.slice(0, cut), bytes.slice(cut)))).toEqual([
      { event: 'word', id: '9', data: { word: 'blåbær' } },
    ]);
  });

  it('joins multi-line data and ignores comments (heartbeats)', async () => {
    expect(await read(pieces(':\n\n', 'data: one\ndata: two\n\n'), false)).toEqual([{ data: 'one\ntwo' }]);
  });

  it('ends with INVALID_RESPONSE when a JSON event is not JSON', async () => {
    const error = await read(pieces('data: {"ok":1}\n\n', 'data: not json\n\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventStreamError);
    expect((error as EventStreamError).code).toBe('INVALID_RESPONSE');
  });

  it('ends with NETWORK_ERROR when the body fails and no resumption is possible', async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('id: 1\ndata: {}\n\n');
      throw Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    }
    const error = await read(broken()).catch((e: unknown) => e);
    expect((error as EventStreamError).code).toBe('NETWORK_ERROR');
    expect((error as EventStreamError).message).toMatch(/op: the event stream broke: other side closed/);
  });

  it('can be read once', async () => {
    const stream = readEventStream(pieces('data: 1\n\n'), { operationId: 'op', json: true });
    for await (const _ of stream) break;
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toThrow(/can be read once/);
  });

  it('formats ids and event names without line breaks that would end the field', () => {
    expect(formatEvent('x', 'a\nb', 'i\r\nd', 1500.7)).toBe('event: ab\nid: id\nretry: 1500\ndata: x\n\n');
  });
});
