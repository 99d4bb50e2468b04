import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { type RouteTable, registerRoutes, type SharedSchema } from '../../../lib/server/index.js';

// registerRoutes adds a route table's shared schemas once per app and hands each route only what it reaches.
const table: RouteTable = {
  getNode: {
    operationId: 'getNode',
    method: 'GET',
    url: '/node',
    path: '/node',
    security: [],
    schema: { response: { 200: { $ref: 'switchboard:t/Node' } } },
  },
};
const node: SharedSchema = {
  $id: 'switchboard:t/Node',
  type: 'object',
  additionalProperties: false,
  properties: { name: { type: 'string' }, next: { $ref: 'switchboard:t/Node' } },
};
const handlers = { getNode: () => ({ status: 200, body: { name: 'a', next: { name: 'b', hidden: 1 } } }) };

describe('shared schemas', () => {
  it('refuses an id the app already holds with other content, naming it', async () => {
    const app = Fastify();
    registerRoutes(app, 't', table, { handlers }, [node]);
    const other = { ...node, properties: { name: { type: 'integer' } } };
    expect(() => registerRoutes(app, 't', table, { handlers }, [other])).toThrow(
      /t: schema switchboard:t\/Node is already registered in this app with other content/,
    );
  });

  it('serializes a route with only the shared schemas it reaches: one the serializer would refuse is left out', async () => {
    const app = Fastify();
    // fast-json-stringify refuses this schema (`type` is no JSON type); Fastify's default compiler would check
    // it for every route, ours never hands it to a route that does not refer to it.
    const unused: SharedSchema = { $id: 'switchboard:t/Unused', type: 'nothing' };
    registerRoutes(app, 't', table, { handlers }, [node, unused]);
    const response = await app.inject('/node');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ name: 'a', next: { name: 'b' } });
  });
});
