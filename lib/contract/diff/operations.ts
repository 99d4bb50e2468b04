import type { Segments } from './change.js';
import { deref, isJson, type Json } from './schema-context.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation of a bundled spec, with its path item's parameters merged in. */
export interface OperationView {
  /** `GET /users/{}`: the identity of an operation; path parameter names do not matter on the wire. */
  key: string;
  /** `GET /users/{uid}`, as the spec writes it. */
  label: string;
  path: string;
  method: string;
  operation: Json;
  /** Parameters by identity (`query:limit`, `header:x-tenant`, `path:0` for the first path placeholder). */
  parameters: Map<string, { param: Json; at: Segments }>;
  at: Segments;
}

/** Every operation of a bundled document, by key. */
export function listOperations(doc: Json): Map<string, OperationView> {
  const out = new Map<string, OperationView>();
  const paths = isJson(doc.paths) ? doc.paths : {};
  for (const [path, node] of Object.entries(paths)) {
    const item = deref(doc, node, ['paths', path]);
    if (item.schema === undefined) continue;
    for (const method of METHODS) {
      const operation = item.schema[method];
      if (!isJson(operation)) continue;
      const at = [...item.at, method];
      const view: OperationView = {
        key: `${method.toUpperCase()} ${normalizePath(path)}`,
        label: `${method.toUpperCase()} ${path}`,
        path,
        method,
        operation,
        parameters: new Map(),
        at,
      };
      addParameters(doc, view, item.schema.parameters, [...item.at, 'parameters']);
      addParameters(doc, view, operation.parameters, [...at, 'parameters']);
      out.set(view.key, view);
    }
  }
  return out;
}

/** `/users/{uid}/keys` → `/users/{}/keys`. */
export function normalizePath(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

function addParameters(doc: Json, view: OperationView, list: unknown, at: Segments): void {
  if (!Array.isArray(list)) return;
  const placeholders = [...view.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  for (const [i, node] of list.entries()) {
    const { schema: param, at: where } = deref(doc, node, [...at, i]);
    if (param === undefined || typeof param.name !== 'string' || typeof param.in !== 'string') continue;
    const index = placeholders.indexOf(param.name);
    const id =
      param.in === 'path' && index !== -1
        ? `path:${index}`
        : `${param.in}:${param.in === 'header' ? param.name.toLowerCase() : param.name}`;
    view.parameters.set(id, { param, at: where });
  }
}

/** `query parameter 'limit'`, `header 'X-Tenant'`, `path parameter 'uid'`. */
export function describeParameter(param: Json): string {
  return param.in === 'header'
    ? `header '${String(param.name)}'`
    : `${String(param.in)} parameter '${String(param.name)}'`;
}
