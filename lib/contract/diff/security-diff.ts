import type { RawChange } from './change.js';
import type { OperationView } from './operations.js';
import { isJson, type Json } from './schema-context.js';

/** One way to authenticate: scheme names with the scopes each needs. */
type Requirement = Map<string, Set<string>>;

/**
 * Compares who may call an operation (its `security`, else the document's). Securing an open operation,
 * or dropping a way of authenticating a caller may use, breaks callers; opening it or adding another way
 * does not.
 */
export function diffSecurity(
  baseDoc: Json,
  headDoc: Json,
  base: OperationView,
  head: OperationView,
): RawChange[] {
  const operation = head.label;
  const at =
    head.operation.security !== undefined
      ? [...head.at, 'security']
      : headDoc.security !== undefined
        ? ['security']
        : head.at;
  const b = requirements(base.operation.security ?? baseDoc.security);
  const h = requirements(head.operation.security ?? headDoc.security);
  const open = (reqs: Requirement[]) => reqs.length === 0 || reqs.some((r) => r.size === 0);
  if (open(b) && !open(h)) {
    return [
      {
        operation,
        kind: 'security-added',
        message: `security added: now requires ${show(h)}`,
        breaking: true,
        at,
      },
    ];
  }
  if (!open(b) && open(h)) {
    return [
      {
        operation,
        kind: 'security-removed',
        message: `security removed (was ${show(b)})`,
        breaking: false,
        at,
      },
    ];
  }
  const out: RawChange[] = [];
  for (const req of b) {
    if (!h.some((other) => satisfiedBy(req, other))) {
      const message = `security requirement ${show([req])} no longer accepted (now ${show(h)})`;
      out.push({ operation, kind: 'security-changed', message, breaking: true, at });
    }
  }
  for (const req of h) {
    if (!b.some((other) => satisfiedBy(other, req))) {
      out.push({
        operation,
        kind: 'security-alternative-added',
        message: `security alternative ${show([req])} added`,
        breaking: false,
        at,
      });
    }
  }
  return out;
}

/** Whether a caller holding `held` meets `needed`: every scheme present, every scope granted. */
function satisfiedBy(held: Requirement, needed: Requirement): boolean {
  for (const [scheme, scopes] of needed) {
    const have = held.get(scheme);
    if (have === undefined || [...scopes].some((s) => !have.has(s))) return false;
  }
  return true;
}

function requirements(value: unknown): Requirement[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isJson)
    .map(
      (req) =>
        new Map(Object.entries(req).map(([k, v]) => [k, new Set(Array.isArray(v) ? v.map(String) : [])])),
    );
}

function show(reqs: Requirement[]): string {
  if (reqs.length === 0) return 'nothing';
  const one = (r: Requirement) =>
    r.size === 0
      ? 'none'
      : [...r].map(([k, s]) => (s.size > 0 ? `${k}[${[...s].join(',')}]` : k)).join(' + ');
  return reqs.map(one).join(' or ');
}
