import type { RawChange, Segments } from './change.js';
import { toChanges } from './findings.js';
import { deref, isJson, type Json, type SchemaContext } from './schema-context.js';
import { diffSchema } from './schema-diff.js';

/** Where a response is in the head and in the base bundle. */
export interface Places {
  head: Segments;
  base: Segments;
}

/**
 * Compares the headers of one response, read in the response direction (names case-insensitive): a
 * required header removed or made optional breaks consumers; an optional one removed is a warning (they
 * must cope without it already, but may rely on it); a new header is compatible.
 */
export function diffHeaders(
  ctx: SchemaContext,
  operation: string,
  status: string,
  b: Json,
  h: Json,
  places: Places,
) {
  const { head: at, base: baseAt } = places;
  const out: RawChange[] = [];
  const lower = (node: Json) =>
    new Map(
      Object.entries(isJson(node.headers) ? node.headers : {}).map(([k, v]) => [
        k.toLowerCase(),
        { name: k, v },
      ]),
    );
  const baseHeaders = lower(b);
  const headHeaders = lower(h);
  for (const [key, { name, v }] of baseHeaders) {
    const other = headHeaders.get(key);
    const bh = deref(ctx.baseDoc, v, [...baseAt, 'headers', name]);
    const required = bh.schema?.required === true;
    if (other === undefined) {
      const message = `response ${status} header '${name}' removed`;
      // A consumer may read an optional header, but must already cope with its absence: oasdiff's WARN.
      out.push({
        operation,
        kind: required ? 'response-header-removed' : 'response-optional-header-removed',
        message,
        breaking: required,
        ...(required ? {} : { severity: 'warning' as const }),
        at: [...at, 'headers'],
        baseAt: bh.at,
      });
      continue;
    }
    const hh = deref(ctx.headDoc, other.v, [...at, 'headers', other.name]);
    if (required && hh.schema?.required !== true) {
      out.push({
        operation,
        kind: 'response-header-made-optional',
        message: `response ${status} header '${other.name}' made optional`,
        breaking: true,
        at: hh.at,
        baseAt: bh.at,
      });
    }
    const found = diffSchema(
      ctx,
      bh.schema?.schema ?? {},
      hh.schema?.schema ?? {},
      [...hh.at, 'schema'],
      [...bh.at, 'schema'],
    );
    const where = `response ${status} header '${other.name}'`;
    out.push(...toChanges({ operation, direction: 'response', kindPrefix: 'response-header', where }, found));
  }
  for (const [key, { name }] of headHeaders) {
    if (baseHeaders.has(key)) continue;
    const message = `response ${status} header '${name}' added`;
    out.push({
      operation,
      kind: 'response-header-added',
      message,
      breaking: false,
      at: [...at, 'headers', name],
    });
  }
  return out;
}
