import type { RawChange } from './change.js';
import { toChanges } from './findings.js';
import type { OperationView } from './operations.js';
import { deref, isJson, type Json, type SchemaContext } from './schema-context.js';
import { diffSchema } from './schema-diff.js';

/**
 * Compares the request bodies of two versions of an operation, read in the request direction: a body that
 * becomes required, a media type no longer accepted, or a schema that accepts less breaks callers.
 */
export function diffRequestBody(ctx: SchemaContext, base: OperationView, head: OperationView): RawChange[] {
  const operation = head.label;
  const baseBody = deref(ctx.baseDoc, base.operation.requestBody, [...base.at, 'requestBody']);
  const b = baseBody.schema;
  const h = deref(ctx.headDoc, head.operation.requestBody, [...head.at, 'requestBody']);
  const at = h.at;
  const out: RawChange[] = [];
  const change = (kind: string, message: string, breaking: boolean, where = at) =>
    out.push({ operation, kind, message, breaking, at: where });
  if (b === undefined && h.schema === undefined) return out;
  if (h.schema === undefined) {
    out.push({
      operation,
      kind: 'request-body-removed',
      message: 'request body removed',
      breaking: false,
      at: head.at,
      baseAt: baseBody.at,
    });
    return out;
  }
  if (b === undefined) {
    if (h.schema.required === true)
      change('request-body-added-required', 'request body added as required', true);
    else change('request-body-added-optional', 'request body added as optional', false);
    return out;
  }
  if (b.required !== true && h.schema.required === true)
    change('request-body-made-required', 'request body made required', true);
  if (b.required === true && h.schema.required !== true)
    change('request-body-made-optional', 'request body made optional', false);
  const baseContent = contentOf(b);
  const headContent = contentOf(h.schema);
  for (const [type, media] of Object.entries(baseContent)) {
    const other = headContent[type];
    if (!isJson(other)) {
      out.push({
        operation,
        kind: 'request-media-type-removed',
        message: `request body media type '${type}' no longer accepted`,
        breaking: true,
        at: [...at, 'content'],
        baseAt: [...baseBody.at, 'content', type],
      });
      continue;
    }
    const found = diffSchema(
      ctx,
      media.schema ?? {},
      other.schema ?? {},
      [...at, 'content', type, 'schema'],
      [...baseBody.at, 'content', type, 'schema'],
    );
    const where = Object.keys(baseContent).length > 1 ? `request body (${type})` : 'request body';
    out.push(...toChanges({ operation, direction: 'request', kindPrefix: 'request-body', where }, found));
  }
  for (const type of Object.keys(headContent)) {
    if (baseContent[type] === undefined) {
      change('request-media-type-added', `request body media type '${type}' accepted`, false, [
        ...at,
        'content',
        type,
      ]);
    }
  }
  return out;
}

/** The `content` map of a request body or response, media types to media type objects. */
export function contentOf(node: Json): Record<string, Json> {
  if (!isJson(node.content)) return {};
  return Object.fromEntries(Object.entries(node.content).filter((e): e is [string, Json] => isJson(e[1])));
}
