import type { RawChange } from './change.js';
import { toChanges } from './findings.js';
import { describeParameter, type OperationView } from './operations.js';
import { deref, isJson, type Json, type SchemaContext } from './schema-context.js';
import { diffSchema } from './schema-diff.js';

const DEFAULT_STYLE: Record<string, string> = {
  query: 'form',
  cookie: 'form',
  path: 'simple',
  header: 'simple',
};

/**
 * Compares the parameters (path, query, header, cookie) of two versions of an operation, read in the
 * request direction: a new required parameter, an optional one made required, a stricter or retyped
 * schema, or a different serialization breaks callers; new optional parameters and removed ones do not.
 */
export function diffParameters(ctx: SchemaContext, base: OperationView, head: OperationView): RawChange[] {
  const out: RawChange[] = [];
  const operation = head.label;
  const change = (kind: string, message: string, breaking: boolean, at: RawChange['at']) =>
    out.push({ operation, kind, message, breaking, at });

  for (const [id, { param: b, at: baseAt }] of base.parameters) {
    if (head.parameters.has(id)) continue;
    // The provider now ignores what callers send, or refuses it: oasdiff's WARN.
    out.push({
      operation,
      kind: 'parameter-removed',
      message: `${describeParameter(b)} removed`,
      breaking: false,
      severity: 'warning',
      reason: 'callers still send it; the provider may now ignore or refuse it',
      at: [...head.at, 'parameters'],
      baseAt,
    });
  }
  for (const [id, { param: h, at }] of head.parameters) {
    const what = describeParameter(h);
    const before = base.parameters.get(id);
    const b = before?.param;
    if (b === undefined || before === undefined) {
      if (h.required === true) change('parameter-added-required', `${what} added as required`, true, at);
      else change('parameter-added-optional', `${what} added as optional`, false, at);
      continue;
    }
    if (h.in === 'path' && b.name !== h.name) {
      change(
        'path-parameter-renamed',
        `path parameter '${String(b.name)}' renamed to '${String(h.name)}'`,
        false,
        at,
      );
    }
    if (b.required !== true && h.required === true)
      change('parameter-made-required', `${what} made required`, true, at);
    if (b.required === true && h.required !== true)
      change('parameter-made-optional', `${what} made optional`, false, at);
    if (style(b) !== style(h)) {
      change(
        'parameter-serialization-changed',
        `${what} style/explode changed from ${style(b)} to ${style(h)}`,
        true,
        at,
      );
    }
    const found = diffSchema(
      { ...ctx, textual: true },
      schemaOf(ctx.baseDoc, b),
      schemaOf(ctx.headDoc, h),
      [...at, 'schema'],
      [...before.at, 'schema'],
    );
    out.push(...toChanges({ operation, direction: 'request', kindPrefix: 'parameter', where: what }, found));
  }
  return out;
}

/** `form/true`: a parameter's style and explode flag, defaults applied. */
function style(param: Json): string {
  const name = String(param.style ?? DEFAULT_STYLE[String(param.in)]);
  return `${name}/${String(param.explode ?? name === 'form')}`;
}

/** A parameter's schema: `schema`, or the schema of its single `content` media type. */
function schemaOf(doc: Json, param: Json): unknown {
  if (param.schema !== undefined) return param.schema;
  const content = deref(doc, param.content, []).schema;
  const first = isJson(content) ? Object.values(content)[0] : undefined;
  return isJson(first) ? (first.schema ?? {}) : {};
}
