import type { Bundle } from './bundle.js';
import { toCamelIdentifier } from './naming.js';
import {
  HTTP_METHODS,
  type OperationModel,
  type ReadOptions,
  readPathItems,
  type SkippedOperation,
} from './operation-model.js';
import { fromPointer, type SpecError } from './spec-error.js';
import { getAt } from './spec-loader.js';

type Json = Record<string, unknown>;

/**
 * A path item the service's users receive calls on: a webhook, or a callback of one of its operations.
 * `key` names its type in `types.ts` (`webhooks[key]`): a webhook's own name, or for a callback, which
 * openapi-typescript does not type, `<operationId>.<callback name>` (`.2`, `.3` for further expressions),
 * added to `webhooks` by withCallbackTypes.
 */
export interface ReceiverItem {
  key: string;
  item: unknown;
  at: (string | number)[];
  /** The URL it is received at unless the app chooses another: `/webhooks/<name>`, `/callbacks/<op>/<name>`. */
  path: string;
  callback: boolean;
}

/** Every webhook, then every callback of every operation, in the document's order. */
export function receiverItems(doc: Json): ReceiverItem[] {
  const out: ReceiverItem[] = [];
  const taken = new Set<string>();
  const deref = (v: unknown): unknown => {
    let node = v;
    for (let i = 0; i < 20 && typeof (node as Json | null)?.$ref === 'string'; i++)
      node = getAt(doc, fromPointer((node as Json).$ref as string));
    return node;
  };
  for (const [name, item] of entries(doc.webhooks)) {
    taken.add(name);
    out.push({ key: name, item, at: ['webhooks', name], path: `/webhooks/${slug(name)}`, callback: false });
  }
  for (const [path, rawItem] of entries(doc.paths)) {
    const item = deref(rawItem) as Json;
    for (const method of HTTP_METHODS) {
      const op = item?.[method] as Json | undefined;
      if (op === undefined) continue;
      const owner = toCamelIdentifier(
        typeof op.operationId === 'string' ? op.operationId : `${method} ${path}`,
      );
      for (const [name, rawCallback] of entries(op.callbacks)) {
        const ref = (rawCallback as Json | null)?.$ref;
        const at = typeof ref === 'string' ? fromPointer(ref) : ['paths', path, method, 'callbacks', name];
        const expressions = entries(deref(rawCallback));
        expressions.forEach(([expression, callbackItem], i) => {
          const suffix = expressions.length > 1 ? `.${i + 1}` : '';
          let key = `${owner}.${name}${suffix}`;
          while (taken.has(key)) key = `${key}_`;
          taken.add(key);
          const url = `/callbacks/${slug(owner)}/${slug(name)}${suffix === '' ? '' : `/${i + 1}`}`;
          out.push({ key, item: callbackItem, at: [...at, expression], path: url, callback: true });
        });
      }
    }
  }
  return out;
}

/** The operations of every receiver item, read as readOperations reads paths (ids unique among them). */
export function readReceivers(
  bundle: Bundle,
  options: ReadOptions = {},
): { operations: OperationModel[]; errors: SpecError[]; skipped: SkippedOperation[] } {
  const places = receiverItems(bundle.doc).map((r) => ({
    item: r.item,
    path: r.path,
    at: r.at,
    typeRoot: `webhooks[${JSON.stringify(r.key)}]`,
  }));
  return readPathItems(bundle, places, options);
}

/** `doc` (a copy handed to openapi-typescript) with every callback added to `webhooks` under its key. */
export function withCallbackTypes(doc: Json): Json {
  const callbacks = receiverItems(doc).filter((r) => r.callback);
  if (callbacks.length === 0) return doc;
  const webhooks = { ...((doc.webhooks as Json | undefined) ?? {}) };
  for (const r of callbacks) webhooks[r.key] = r.item;
  return { ...doc, webhooks };
}

function entries(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).filter(([k]) => !k.startsWith('x-'));
}

function slug(name: string): string {
  return name.replaceAll(/[^A-Za-z0-9._~-]+/g, '-');
}
