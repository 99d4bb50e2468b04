import { describe, expect, it } from 'vitest';
import { PooledIdGenerator } from '../../../lib/telemetry/pooled-id-generator.js';

describe('PooledIdGenerator', () => {
  it('hands out distinct lowercase hex IDs of W3C length across many pool refills', () => {
    const ids = new PooledIdGenerator();
    const traces = new Set<string>();
    const spans = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      traces.add(ids.generateTraceId());
      spans.add(ids.generateSpanId());
    }
    expect(traces.size).toBe(2000);
    expect(spans.size).toBe(2000);
    for (const id of traces) expect(id).toMatch(/^[0-9a-f]{32}$/);
    for (const id of spans) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('never hands out an all-zero ID, drawing again instead', () => {
    let draws = 0;
    // The first pool is all zeros, the next all 0xab.
    const ids = new PooledIdGenerator((bytes) => bytes.fill(draws++ === 0 ? 0 : 0xab));
    expect(ids.generateSpanId()).toBe('ab'.repeat(8));
    expect(ids.generateTraceId()).toBe('ab'.repeat(16));
    expect(draws).toBe(2);
  });

  it('draws its bytes from the operating system by default (two generators do not repeat each other)', () => {
    expect(new PooledIdGenerator().generateTraceId()).not.toBe(new PooledIdGenerator().generateTraceId());
  });
});
