import { parse } from 'node:querystring';
import type { FastifyInstance } from 'fastify';
import type { RouteBody } from './route-table.js';

/**
 * Adds the content-type parser a route's body needs when Fastify has none by default, unless the context
 * has one already: `application/*+json` with Fastify's own JSON parser (same prototype-poisoning checks), a
 * form with `node:querystring` (a repeated key becomes an array; the route's validator coerces the strings),
 * bytes as the `Buffer` read. Each reads the body through Fastify, so the route's `bodyLimit` answers 413.
 *
 * Not `@fastify/formbody`: it is this same `addContentTypeParser` call (with `fast-querystring`), and a
 * dependency for one line is not worth it.
 */
export function addBodyParser(app: FastifyInstance, body: RouteBody): void {
  if (app.hasContentTypeParser(body.type)) return;
  if (body.parse === 'json') {
    app.addContentTypeParser(body.type, { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  } else if (body.parse === 'form') {
    app.addContentTypeParser(body.type, { parseAs: 'string' }, (_request, text, done) => {
      done(null, parse(text as string));
    });
  } else {
    app.addContentTypeParser(body.type, { parseAs: 'buffer' }, (_request, bytes, done) => done(null, bytes));
  }
}
