import type { RawChange } from './change.js';
import { diffOperation } from './operation-diff.js';
import { listOperations, normalizePath } from './operations.js';
import { deref, isJson, type Json } from './schema-context.js';

/**
 * Compares two bundled versions of one service's spec: operations removed (or their whole path), added,
 * changed, 3.1 webhooks removed or added, and security schemes whose definition changed. Changes are in the
 * order of the head spec.
 */
export function diffService(baseDoc: Json, headDoc: Json): RawChange[] {
  const base = listOperations(baseDoc);
  const head = listOperations(headDoc);
  const headPaths = new Set([...head.values()].map((op) => normalizePath(op.path)));
  const out: RawChange[] = [...diffSchemes(baseDoc, headDoc)];
  for (const [key, op] of base) {
    if (head.has(key)) continue;
    const pathGone = !headPaths.has(normalizePath(op.path));
    out.push({
      operation: op.label,
      kind: pathGone ? 'path-removed' : 'operation-removed',
      message: pathGone
        ? `path ${op.path} removed`
        : `operation removed (method ${op.method.toUpperCase()} no longer on ${op.path})`,
      breaking: true,
      at: pathGone ? ['paths'] : ['paths', op.path],
      baseAt: op.at,
    });
  }
  for (const [key, op] of head) {
    const before = base.get(key);
    if (before === undefined) {
      out.push({
        operation: op.label,
        kind: 'operation-added',
        message: 'operation added',
        breaking: false,
        at: op.at,
      });
    } else out.push(...diffOperation(baseDoc, headDoc, before, op));
  }
  out.push(...diffWebhooks(baseDoc, headDoc));
  return out;
}

/**
 * 3.1 `webhooks`, by name and method: the provider stops calling a subscriber for one removed (breaking),
 * and a new one is only offered. The subscriber's side of a webhook is not compared further.
 */
function diffWebhooks(baseDoc: Json, headDoc: Json): RawChange[] {
  const list = (doc: Json) => {
    const hooks = isJson(doc.webhooks) ? doc.webhooks : {};
    const out = new Map<string, string[]>();
    for (const [name, entry] of Object.entries(hooks)) {
      if (!isJson(entry)) continue;
      // A path item by reference (`$ref: '#/components/pathItems/…'`) counts as the one it names.
      const item = deref(doc, entry, ['webhooks', name]).schema ?? entry;
      out.set(
        name,
        Object.keys(item).filter((k) => HTTP_METHODS.has(k) && isJson(item[k])),
      );
    }
    return out;
  };
  const base = list(baseDoc);
  const head = list(headDoc);
  const out: RawChange[] = [];
  for (const [name, methods] of base) {
    for (const method of methods) {
      if (head.get(name)?.includes(method)) continue;
      out.push({
        operation: `WEBHOOK ${name}`,
        kind: 'webhook-removed',
        message: `webhook '${name}' (${method.toUpperCase()}) removed`,
        breaking: true,
        at: head.has(name) ? ['webhooks', name] : head.size > 0 ? ['webhooks'] : undefined,
        baseAt: ['webhooks', name, method],
      });
    }
  }
  for (const [name, methods] of head) {
    for (const method of methods.filter((m) => !base.get(name)?.includes(m))) {
      out.push({
        operation: `WEBHOOK ${name}`,
        kind: 'webhook-added',
        message: `webhook '${name}' (${method.toUpperCase()}) added`,
        breaking: false,
        at: ['webhooks', name, method],
      });
    }
  }
  return out;
}

const SCHEME_FIELDS = ['type', 'in', 'name', 'scheme'] as const;

/** Security schemes present in both versions whose wire shape (type, header name, HTTP scheme) changed. */
function diffSchemes(baseDoc: Json, headDoc: Json): RawChange[] {
  const schemes = (doc: Json) => {
    const components = isJson(doc.components) ? doc.components : {};
    return isJson(components.securitySchemes) ? components.securitySchemes : {};
  };
  const b = schemes(baseDoc);
  const h = schemes(headDoc);
  const out: RawChange[] = [];
  for (const [name, before] of Object.entries(b)) {
    const after = h[name];
    if (!isJson(before) || !isJson(after)) continue;
    const changed = SCHEME_FIELDS.filter(
      (f) => String(before[f]).toLowerCase() !== String(after[f]).toLowerCase(),
    );
    if (changed.length === 0) continue;
    const what = changed.map((f) => `${f} '${String(before[f])}' → '${String(after[f])}'`).join(', ');
    out.push({
      operation: '',
      kind: 'security-scheme-changed',
      message: `security scheme '${name}' changed: ${what}`,
      breaking: true,
      at: ['components', 'securitySchemes', name],
    });
  }
  return out;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
