import { parse } from 'node:querystring';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isMediaRange, mediaEssence } from '../client/media-type.js';
import type { UploadedFile } from '../client/multipart.js';
import type { RouteBody } from './route-table.js';

/**
 * Adds the content-type parser a route's body needs when Fastify has none by default, unless the context
 * has one already: `application/*+json` with Fastify's own JSON parser (same prototype-poisoning checks), a
 * form with `node:querystring` (a repeated key becomes an array; the route's validator coerces the strings),
 * multipart with the platform's `FormData` parser (see multipartBody), bytes as the `Buffer` read. Each reads the body through Fastify, so the route's `bodyLimit` answers 413.
 *
 * Not `@fastify/formbody`: it is this same `addContentTypeParser` call (with `fast-querystring`), and a
 * dependency for one line is not worth it.
 */
export function addBodyParser(app: FastifyInstance, body: RouteBody): void {
  if (isMediaRange(body.type)) {
    // A range of binary types (`image/*`): any type in it is read as bytes, any other is a 415.
    const range = mediaEssence(body.type);
    const matcher =
      range === '*/*' ? '*' : new RegExp(`^${range.slice(0, -1).replace(/[.+]/g, '\\$&')}[^\\s;/]+`);
    if (!app.hasContentTypeParser(matcher))
      app.addContentTypeParser(matcher, { parseAs: 'buffer' }, (_request, bytes, done) => done(null, bytes));
    return;
  }
  if (app.hasContentTypeParser(body.type)) return;
  if (body.parse === 'json') {
    app.addContentTypeParser(body.type, { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  } else if (body.parse === 'form') {
    app.addContentTypeParser(body.type, { parseAs: 'string' }, (_request, text, done) => {
      done(null, parse(text as string));
    });
  } else if (body.parse === 'text') {
    app.addContentTypeParser(body.type, { parseAs: 'string' }, (_request, text, done) => done(null, text));
  } else if (body.parse === 'multipart') {
    app.addContentTypeParser(
      body.type,
      { parseAs: 'buffer' },
      (request: FastifyRequest, bytes: string | Buffer) =>
        multipartBody(bytes as Buffer, String(request.headers['content-type'])),
    );
  } else {
    app.addContentTypeParser(body.type, { parseAs: 'buffer' }, (_request, bytes, done) => done(null, bytes));
  }
}

/**
 * A `multipart/form-data` body as a plain object for the route's validator: text parts as strings, file parts
 * as UploadedFile, a repeated name as an array of its parts. Parsed by the WHATWG `Response.formData()` that
 * Node ships (undici's parser), from the buffer Fastify read within the route's body limit; a body it cannot
 * parse is a 400.
 */
async function multipartBody(bytes: Buffer, contentType: string): Promise<Record<string, unknown>> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch (error) {
    throw Object.assign(new Error(`invalid multipart/form-data body: ${(error as Error).message}`), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_MULTIPART',
    });
  }
  const out: Record<string, unknown> = {};
  for (const name of new Set(form.keys())) {
    const parts = await Promise.all(form.getAll(name).map(toValue));
    out[name] = parts.length === 1 ? parts[0] : parts;
  }
  return out;
}

async function toValue(part: string | File): Promise<string | UploadedFile> {
  if (typeof part === 'string') return part;
  return {
    data: Buffer.from(await part.arrayBuffer()),
    filename: part.name,
    contentType: part.type === '' ? 'application/octet-stream' : part.type,
  };
}
