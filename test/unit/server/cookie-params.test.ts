import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { cookieReader, parseCookieHeader } from '../../../lib/server/cookie-params.js';

const request = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as FastifyRequest;

describe('parseCookieHeader', () => {
  it('reads name=value pairs, trimmed, percent-decoded, quotes removed', () => {
    expect(parseCookieHeader('a=1; b = two%20words ;c="quoted"')).toEqual({
      a: '1',
      b: 'two words',
      c: 'quoted',
    });
  });

  it('keeps the first of two same-named cookies, a value with "=" whole, and bad escapes as written', () => {
    expect(parseCookieHeader('id=first; id=second; t=a=b; p=100%')).toEqual({
      id: 'first',
      t: 'a=b',
      p: '100%',
    });
  });

  it('ignores pairs without a name or "=" and an absent header', () => {
    expect(parseCookieHeader('=x; flag; ok=1')).toEqual({ ok: '1' });
    expect(parseCookieHeader(undefined)).toEqual({});
    expect(parseCookieHeader('')).toEqual({});
  });

  it('does not let a cookie named __proto__ reach the prototype', () => {
    const parsed = parseCookieHeader('__proto__=x; a=1');
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(parsed.a).toBe('1');
  });
});

describe('cookieReader', () => {
  const read = cookieReader({
    type: 'object',
    properties: {
      session: { type: 'string', maxLength: 8 },
      visits: { type: 'integer', minimum: 0 },
      tags: { type: 'array', items: { type: 'string' } },
    },
    required: ['session'],
  });

  it('coerces typed values, splits an array at commas and keeps cookies the spec does not name', () => {
    expect(read(request('session=s1; visits=3; tags=a,b; _ga=GA1'))).toEqual({
      session: 's1',
      visits: 3,
      tags: ['a', 'b'],
      _ga: 'GA1',
    });
  });

  it('throws a 400 validation error naming the cookie that is missing or invalid', () => {
    for (const [header, text] of [
      [undefined, /cookies must have required property 'session'/],
      ['session=s1; visits=-1', /cookies\/visits must be >= 0/],
      ['session=far-too-long', /cookies\/session must NOT have more than 8 characters/],
    ] as const) {
      const error = (() => {
        try {
          read(request(header));
        } catch (e) {
          return e as Error & { statusCode?: number; validation?: unknown[] };
        }
        return undefined;
      })();
      expect(error?.message).toMatch(text);
      expect(error?.statusCode).toBe(400);
      expect(error?.validation).toHaveLength(1);
    }
  });
});
