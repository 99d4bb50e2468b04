import type { Dispatcher } from 'undici';

type UndiciHeaders = Dispatcher.ResponseData['headers'];
type UndiciBody = Dispatcher.ResponseData['body'];

/** Response headers from undici's plain object, read case-insensitively like `Headers`. */
export class LightHeaders {
  constructor(private readonly raw: UndiciHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  *entries(): IterableIterator<[string, string]> {
    for (const key of Object.keys(this.raw)) yield [key, this.get(key) ?? ''];
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/** The part of `Response` openapi-fetch uses, over an undici response body. */
export class LightResponse {
  readonly ok: boolean;
  readonly headers: LightHeaders;
  readonly bodyUsed = false;

  constructor(
    readonly status: number,
    headers: UndiciHeaders,
    private readonly stream: UndiciBody,
    readonly url: string,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = new LightHeaders(headers);
  }

  get body(): UndiciBody {
    return this.stream;
  }

  text(): Promise<string> {
    return this.stream.text();
  }

  json(): Promise<unknown> {
    return this.stream.json();
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.stream.arrayBuffer();
  }

  blob(): Promise<Blob> {
    return this.stream.blob();
  }
}
