import { isDeepStrictEqual } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { SharedSchema } from './route-table.js';

/**
 * Adds `schemas` to `app` with `addSchema`, skipping each one the app (or a parent of it) already has with the
 * same content: the same route table registered twice in one app (under two prefixes, or once at the root
 * and again in a plugin) shares them. An id already taken by other content throws, naming it: two versions
 * of one service's spec in one app would otherwise validate against whichever came first.
 */
export function addSharedSchemas(
  app: FastifyInstance,
  service: string,
  schemas: readonly SharedSchema[],
): void {
  for (const schema of schemas) {
    const known: unknown = app.getSchema(schema.$id);
    if (known === undefined) app.addSchema(schema);
    else if (!isDeepStrictEqual(known, schema)) {
      throw new Error(
        `${service}: schema ${schema.$id} is already registered in this app with other content (two versions of the ${service} spec?)`,
      );
    }
  }
}
