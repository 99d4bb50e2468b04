import { dropExtensionRefs } from './extension-keys.js';
import { withCallbackTypes } from './read-receivers.js';
import { fromPointer } from './spec-error.js';
import { getAt } from './spec-loader.js';

type Json = Record<string, unknown>;

/**
 * The copy of a bundled document that openapi-typescript reads. It resolves every `$ref` itself and fails on
 * one it cannot, so what it cannot resolve is taken out: extensions holding a `$ref` (not OpenAPI's), and
 * discriminator mapping values that name nothing in the document (a file the bundle inlined, so no component
 * stands for it, or a pointer meant for another file; a plain schema name becomes its component ref). Callbacks are added as webhooks, which it
 * types (see read-receivers.ts).
 */
export function typesInput(doc: Json): Json {
  const copy = dropExtensionRefs(structuredClone(doc));
  const schemas = ((copy.components as Json | undefined)?.schemas ?? {}) as Json;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const v of node) visit(v);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    // openapi-typescript types an event stream's `schema` (the text of the whole stream); the client and the
    // handlers need each event's data, so that is the schema it is given.
    const events = (node as Json)['text/event-stream'] as Json | undefined;
    if (typeof events === 'object' && events !== null && events['x-event-schema'] !== undefined)
      events.schema = events['x-event-schema'];
    const mapping = ((node as Json).discriminator as Json | undefined)?.mapping;
    if (typeof mapping === 'object' && mapping !== null) {
      const values = mapping as Record<string, unknown>;
      for (const [key, value] of Object.entries(values)) {
        if (
          typeof value === 'string' &&
          value.startsWith('#/') &&
          getAt(copy, fromPointer(value)) !== undefined
        )
          continue;
        if (typeof value === 'string' && Object.hasOwn(schemas, value))
          values[key] = `#/components/schemas/${value}`;
        else delete values[key];
      }
    }
    for (const v of Object.values(node)) visit(v);
  };
  visit(copy);
  return withCallbackTypes(copy);
}
