import { createRequire } from 'node:module';
import type { resolveRef as resolveRefType } from 'openapi-typescript';
import { mapChildren } from './copy-on-write.js';

type Json = Record<string, unknown>;

// openapi-typescript's own resolution finds the schemas it patches; loaded as in emit-types.ts, when a spec
// has a discriminator (loading it loads TypeScript too).
const require = createRequire(import.meta.url);
let resolveRef: typeof resolveRefType | undefined;

/**
 * Adds to `refs` what openapi-typescript's scanDiscriminators may patch, if `obj` has a discriminator: the
 * schema each of its `mapping` values and `oneOf` refs resolves to, where it adds the discriminator property.
 */
export function addDiscriminatorRefs(obj: Record<string, unknown>, refs: Set<string>): void {
  const discriminator = obj.discriminator as { propertyName?: unknown; mapping?: unknown } | null | undefined;
  if (typeof discriminator !== 'object' || discriminator === null || !discriminator.propertyName) return;
  if (typeof discriminator.mapping === 'object' && discriminator.mapping !== null)
    for (const value of Object.values(discriminator.mapping)) if (typeof value === 'string') refs.add(value);
  if (Array.isArray(obj.oneOf))
    for (const item of obj.oneOf) {
      const ref = (item as Json | null)?.$ref;
      if (typeof ref === 'string') refs.add(ref);
    }
}

/**
 * `doc` with every schema that `refs` (see addDiscriminatorRefs, over every object of `doc`) resolve to
 * replaced by a copy, the same copy wherever the schema is, so that openapi-typescript can patch them in a
 * document that shares the rest with the bundle. Returns `doc` itself when no ref resolves.
 */
export function isolateDiscriminatorTargets(doc: Json, refs: ReadonlySet<string>): Json {
  const targets = new Set<object>();
  if (refs.size === 0) return doc;
  resolveRef ??= (require('openapi-typescript') as { resolveRef: typeof resolveRefType }).resolveRef;
  for (const ref of refs) {
    const target: unknown = resolveRef(doc, ref, { silent: true });
    if (typeof target === 'object' && target !== null) targets.add(target);
  }
  if (targets.size === 0) return doc;
  // One structuredClone keeps what the targets share (one inside another) shared in the copies.
  const originals = [...targets];
  const copies = structuredClone(originals);
  const replaced = new Map<object, unknown>(originals.map((t, i) => [t, copies[i]]));
  const replace = (node: unknown): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    const known = replaced.get(node);
    if (known !== undefined) return known;
    const copy = mapChildren(node, replace);
    if (copy === undefined) return node;
    replaced.set(node, copy);
    return copy;
  };
  return replace(doc) as Json;
}
