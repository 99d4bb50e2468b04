import { describe, expect, it } from 'vitest';
import { addCookies } from '../../../lib/client/cookie-header.js';

describe('addCookies', () => {
  it('sends name=value pairs joined by "; ", values percent-encoded, arrays joined by ","', () => {
    const headers: Record<string, string> = {};
    addCookies(headers, { session: 'tok en;=1', visits: 3, tags: ['a', 'b'] });
    expect(headers.cookie).toBe('session=tok%20en%3B%3D1; visits=3; tags=a%2Cb');
  });

  it('appends to a cookie the call headers already carry, leaving out undefined and null', () => {
    const headers: Record<string, string> = { cookie: 'trace=1' };
    addCookies(headers, { session: 's', theme: undefined, other: null });
    expect(headers.cookie).toBe('trace=1; session=s');
  });

  it('adds no header when every value is absent', () => {
    const headers: Record<string, string> = {};
    addCookies(headers, { theme: undefined });
    expect(headers).toEqual({});
  });
});
