import type { RawChange } from './change.js';
import { toChanges } from './findings.js';
import type { OperationView } from './operations.js';
import { contentOf } from './request-body-diff.js';
import { diffHeaders, type Places } from './response-headers-diff.js';
import { deref, isJson, type Json, type SchemaContext } from './schema-context.js';
import { diffSchema } from './schema-diff.js';
import { diffStatuses } from './status-diff.js';

/**
 * Compares the responses of two versions of an operation, read in the response direction: a success
 * status removed or changed, a media type or header no longer sent, or a body that may now hold what a
 * consumer cannot read (a field removed or made nullable, a wider enum) breaks consumers.
 */
export function diffResponses(ctx: SchemaContext, base: OperationView, head: OperationView): RawChange[] {
  const operation = head.label;
  const baseResponses = isJson(base.operation.responses) ? base.operation.responses : {};
  const headResponses = isJson(head.operation.responses) ? head.operation.responses : {};
  const responsesAt = [...head.at, 'responses'];
  const out: RawChange[] = [];
  for (const [status, node] of Object.entries(baseResponses)) {
    if (headResponses[status] === undefined) continue;
    const b = deref(ctx.baseDoc, node, [...base.at, 'responses', status]);
    const h = deref(ctx.headDoc, headResponses[status], [...responsesAt, status]);
    const at = { head: h.at, base: b.at };
    out.push(...diffBodies(ctx, operation, status, b.schema ?? {}, h.schema ?? {}, at));
    out.push(...diffHeaders(ctx, operation, status, b.schema ?? {}, h.schema ?? {}, at));
  }
  const statuses = diffStatuses(
    operation,
    Object.keys(baseResponses),
    Object.keys(headResponses),
    responsesAt,
  );
  return [...statuses, ...mergeStatuses(out)];
}

/**
 * One change to a schema shared by several statuses (the common Error body) is one line:
 * `responses 400, 401 field 'code' removed` rather than one line per status.
 */
function mergeStatuses(changes: RawChange[]): RawChange[] {
  const groups = new Map<string, { change: RawChange; statuses: string[]; rest: string }>();
  for (const change of changes) {
    const [, status = '', rest = ''] = /^response (\S+)(.*)$/s.exec(change.message) ?? [];
    const key = `${change.kind}|${JSON.stringify(change.at)}|${rest}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { change, statuses: [status], rest });
    else group.statuses.push(status);
  }
  return [...groups.values()].map(({ change, statuses, rest }) =>
    statuses.length === 1 ? change : { ...change, message: `responses ${statuses.join(', ')}${rest}` },
  );
}

function diffBodies(ctx: SchemaContext, operation: string, status: string, b: Json, h: Json, places: Places) {
  const { head: at, base: baseAt } = places;
  const out: RawChange[] = [];
  const baseContent = contentOf(b);
  const headContent = contentOf(h);
  const where = `response ${status}`;
  for (const [type, media] of Object.entries(baseContent)) {
    const other = headContent[type];
    if (other === undefined) {
      const message = `${where} media type '${type}' no longer sent`;
      out.push({
        operation,
        kind: 'response-media-type-removed',
        message,
        breaking: true,
        at: [...at, 'content'],
        baseAt: [...baseAt, 'content', type],
      });
      continue;
    }
    const found = diffSchema(
      ctx,
      media.schema ?? {},
      other.schema ?? {},
      [...at, 'content', type, 'schema'],
      [...baseAt, 'content', type, 'schema'],
    );
    const label = Object.keys(baseContent).length > 1 ? `${where} (${type})` : where;
    out.push(...toChanges({ operation, direction: 'response', kindPrefix: 'response', where: label }, found));
  }
  for (const type of Object.keys(headContent)) {
    if (baseContent[type] !== undefined) continue;
    const message = `${where} media type '${type}' added`;
    out.push({
      operation,
      kind: 'response-media-type-added',
      message,
      breaking: false,
      at: [...at, 'content', type],
    });
  }
  return out;
}
