import { describe, expect, it } from 'vitest';
import {
  histogramQuantile,
  PrometheusTextError,
  parsePrometheusText,
} from '../../../lib/cli/prometheus-text.js';

describe('parsePrometheusText', () => {
  it('keeps label values with braces, commas, equals signs and escapes whole', () => {
    const text = [
      '# HELP http_client_request_duration_seconds Duration of HTTP client requests.',
      '# TYPE http_client_request_duration_seconds histogram',
      'http_client_request_duration_seconds_bucket{url_template="/internal/users/{uid}/llm-keys",note="a,b=c}",quote="say \\"hi\\"",path="C:\\\\tmp",lines="one\\ntwo",le="+Inf"} 3',
      '',
      'target_info{service_name="llm-orchestrator",} 1 1700000000000',
      'up 1',
      'weird { a = "x" , b="}{" } -Inf',
    ].join('\n');
    expect(parsePrometheusText(text)).toEqual([
      {
        name: 'http_client_request_duration_seconds_bucket',
        labels: {
          url_template: '/internal/users/{uid}/llm-keys',
          note: 'a,b=c}',
          quote: 'say "hi"',
          path: 'C:\\tmp',
          lines: 'one\ntwo',
          le: '+Inf',
        },
        value: 3,
      },
      { name: 'target_info', labels: { service_name: 'llm-orchestrator' }, value: 1 },
      { name: 'up', labels: {}, value: 1 },
      { name: 'weird', labels: { a: 'x', b: '}{' }, value: Number.NEGATIVE_INFINITY },
    ]);
  });

  it('reads +Inf, NaN and exponents as values', () => {
    const values = parsePrometheusText('a +Inf\nb NaN\nc 1.5e-3\r\n').map((s) => s.value);
    expect(values).toEqual([Number.POSITIVE_INFINITY, Number.NaN, 0.0015]);
  });

  it('names the line of a malformed sample', () => {
    expect(() => parsePrometheusText('ok 1\nbad{a="unterminated} 1')).toThrow(PrometheusTextError);
    expect(() => parsePrometheusText('ok 1\nbad{a="unterminated} 1')).toThrow(
      /^line 2: unterminated label value/,
    );
    expect(() => parsePrometheusText('x{a="1" b="2"} 1')).toThrow(
      /line 1: expected ',' or '}' after label a/,
    );
    expect(() => parsePrometheusText('x{a="1"} one')).toThrow(/'one' is not a number/);
    expect(() => parsePrometheusText('x{a="1"}')).toThrow(/expected a value/);
  });
});

describe('histogramQuantile', () => {
  const buckets = [
    { le: Number.POSITIVE_INFINITY, count: 10 },
    { le: 0.005, count: 4 },
    { le: 0.01, count: 8 },
    { le: 0.025, count: 9 },
    { le: 0.05, count: 10 },
  ];

  it('interpolates linearly within the bucket the rank falls in', () => {
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.00625, 12);
    expect(histogramQuantile(0.95, buckets)).toBeCloseTo(0.0375, 12);
    expect(histogramQuantile(0.99, buckets)).toBeCloseTo(0.0475, 12);
    expect(histogramQuantile(0.2, buckets)).toBeCloseTo(0.0025, 12);
  });

  it('answers the highest finite bound for ranks in the +Inf bucket', () => {
    expect(
      histogramQuantile(0.99, [
        { le: 0.1, count: 1 },
        { le: Number.POSITIVE_INFINITY, count: 10 },
      ]),
    ).toBe(0.1);
  });

  it('is NaN without observations or without a +Inf bucket', () => {
    expect(
      histogramQuantile(0.5, [
        { le: 0.1, count: 0 },
        { le: Number.POSITIVE_INFINITY, count: 0 },
      ]),
    ).toBeNaN();
    expect(
      histogramQuantile(0.5, [
        { le: 0.1, count: 1 },
        { le: 0.2, count: 2 },
      ]),
    ).toBeNaN();
  });

  it('evens out counts that dip', () => {
    const dipping = [
      { le: 0.01, count: 4 },
      { le: 0.02, count: 3 },
      { le: Number.POSITIVE_INFINITY, count: 4 },
    ];
    expect(histogramQuantile(0.5, dipping)).toBeCloseTo(0.005, 12);
  });
});
