import { fromPointer, SpecError, SpecErrors, toPointer } from './spec-error.js';
import type { SpecFile } from './spec-file.js';
import { errorAt } from './spec-file.js';
import { getAt, SpecLoader } from './spec-loader.js';

type Json = Record<string, unknown>;
type Segments = readonly (string | number)[];

/** Where a piece of the bundled document came from. */
export interface Origin {
  file: SpecFile;
  segments: Segments;
}

/** A spec with every external `$ref` pulled in, so it refers only to itself (`#/components/...`). */
export interface Bundle {
  entry: SpecFile;
  doc: Json;
  /** Every file the bundle read, entry first: the inputs whose content decides whether to regenerate. */
  files: SpecFile[];
  /** Maps a path in the bundled document back to the file and path it came from, for error messages. */
  origin(segments: Segments): Origin;
}

/**
 * Bundles `entry`: an external ref to `other.yaml#/components/<kind>/<name>` is hoisted into this document's
 * components under the same name (suffixed on a clash); any other external ref is inlined. Internal refs are
 * checked. Throws SpecErrors listing every ref that cannot be resolved, each located at its `$ref`.
 */
export function bundleSpec(entry: SpecFile, loader: SpecLoader): Bundle {
  const problems = new Map<string, SpecError>();
  const record = (error: SpecError) => {
    const key = `${error.location.file}#${error.location.pointer ?? ''}`;
    if (!problems.has(key)) problems.set(key, error);
  };
  /** Runs `step`; a SpecError it throws is recorded and `fallback` returned, so every bad ref gets reported. */
  const attempt = <T>(step: () => T, fallback: T): T => {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      record(error);
      return fallback;
    }
  };
  const origins = new Map<string, Origin>([['', { file: entry, segments: [] }]]);
  const hoisted = new Map<string, string>();
  const files = new Map<string, SpecFile>([[entry.path, entry]]);
  const inlining = new Set<string>();
  const doc = structuredClone(entry.value) as Json;
  doc.components ??= {};
  const components = doc.components as Record<string, Json>;

  const resolveRef = (file: SpecFile, at: Segments, ref: string) => {
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : ref.slice(hash);
    const target = filePart === '' ? file : loadRef(file, at, filePart);
    files.set(target.path, target);
    const segments = fromPointer(pointer);
    const value = getAt(target.value, segments);
    if (value === undefined) {
      throw errorAt(
        file,
        at,
        'unresolved-ref',
        `$ref '${ref}' points at nothing in ${target.path}`,
        'check the file name and the JSON pointer after #; pointers are case-sensitive',
      );
    }
    return { target, segments, value, key: `${target.path}#${toPointer(segments)}` };
  };

  const loadRef = (file: SpecFile, at: Segments, filePart: string) => {
    if (/^[a-z]+:\/\//i.test(filePart)) {
      throw errorAt(
        file,
        at,
        'remote-ref',
        `remote $ref '${filePart}' is not supported`,
        'copy the referenced document into specs/ and refer to it by a relative path',
      );
    }
    try {
      return loader.load(SpecLoader.resolveFile(file.path, filePart));
    } catch (error) {
      throw errorAt(
        file,
        at,
        'unresolved-ref',
        `$ref file '${filePart}' cannot be loaded: ${(error as Error).message}`,
        'refs to other files are relative to the file that holds the $ref',
      );
    }
  };

  /** Copies `value` (from `file` at `at`) into the bundle at `out`, rewriting refs as it goes. */
  const walk = (value: unknown, file: SpecFile, at: Segments, out: Segments): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => walk(v, file, [...at, i], [...out, i]));
    if (typeof value !== 'object' || value === null) return value;
    const obj = value as Json;
    if (typeof obj.$ref === 'string' && (file !== entry || !obj.$ref.startsWith('#'))) {
      return attempt(() => rewriteRef(obj, file, at, out), {});
    }
    const copy: Json = {};
    for (const [k, v] of Object.entries(obj)) copy[k] = walk(v, file, [...at, k], [...out, k]);
    return copy;
  };

  const rewriteRef = (obj: Json, file: SpecFile, at: Segments, out: Segments): unknown => {
    const { target, segments, value, key } = resolveRef(file, [...at, '$ref'], obj.$ref as string);
    const { $ref: _ref, ...siblings } = obj;
    const known = hoisted.get(key);
    if (known !== undefined) return { $ref: known, ...siblings };
    const [head, kind, name] = segments;
    if (segments.length === 3 && head === 'components' && kind !== undefined && name !== undefined) {
      components[kind] ??= {};
      const slot = components[kind];
      let bundledName = name;
      for (let n = 2; Object.hasOwn(slot, bundledName); n++) bundledName = `${name}${n}`;
      const ref = `#/components/${kind}/${bundledName}`;
      hoisted.set(key, ref);
      origins.set(toPointer(['components', kind, bundledName]), { file: target, segments });
      slot[bundledName] = {}; // reserves the name before walking, so a recursive schema refers to itself
      slot[bundledName] = walk(value, target, segments, ['components', kind, bundledName]);
      return { $ref: ref, ...siblings };
    }
    if (inlining.has(key)) {
      throw errorAt(
        file,
        [...at, '$ref'],
        'recursive-ref',
        `$ref '${obj.$ref}' refers to itself through a non-component`,
        'move the recursive schema under components/schemas so it can be referenced by name',
      );
    }
    inlining.add(key);
    origins.set(toPointer(out), { file: target, segments });
    const inlined = walk(value, target, segments, out);
    inlining.delete(key);
    return typeof inlined === 'object' && inlined !== null ? { ...(inlined as Json), ...siblings } : inlined;
  };

  // Component slots that are themselves external refs keep their own name; register them first.
  for (const [kind, slot] of Object.entries(components)) {
    for (const [name, v] of Object.entries(slot ?? {})) {
      const ref = (v as Json | null)?.$ref;
      if (typeof ref === 'string' && !ref.startsWith('#')) {
        const resolved = attempt(() => resolveRef(entry, ['components', kind, name, '$ref'], ref), undefined);
        if (resolved !== undefined) hoisted.set(resolved.key, `#/components/${kind}/${name}`);
      }
    }
  }
  for (const key of Object.keys(doc)) {
    if (key !== 'components') doc[key] = walk(doc[key], entry, [key], [key]);
  }
  for (const [kind, slot] of Object.entries(components)) {
    for (const name of Object.keys(slot ?? {})) {
      const at = ['components', kind, name];
      if (origins.has(toPointer(at))) continue;
      const registered = [...hoisted.entries()].find(([, r]) => r === `#/components/${kind}/${name}`);
      slot[name] = registered
        ? attempt(() => rewriteDirect(slot[name] as Json, at), {})
        : walk(slot[name], entry, at, at);
    }
  }

  function rewriteDirect(obj: Json, at: Segments): unknown {
    const { target, segments, value } = resolveRef(entry, [...at, '$ref'], obj.$ref as string);
    origins.set(toPointer(at), { file: target, segments });
    return walk(value, target, segments, at);
  }

  const origin = (segments: Segments): Origin => {
    for (let n = segments.length; n >= 0; n--) {
      const found = origins.get(toPointer(segments.slice(0, n)));
      if (found !== undefined)
        return { file: found.file, segments: [...found.segments, ...segments.slice(n)] };
    }
    return { file: entry, segments };
  };
  if (Object.keys(components).length === 0) delete doc.components;
  checkInternalRefs(doc, origin, record);
  if (problems.size > 0) throw new SpecErrors([...problems.values()].sort(byPlace));
  return { entry, doc, files: [...files.values()], origin };
}

function byPlace(a: SpecError, b: SpecError): number {
  const { file: fa, line: la = 0, column: ca = 0 } = a.location;
  const { file: fb, line: lb = 0, column: cb = 0 } = b.location;
  return fa === fb ? la - lb || ca - cb : fa < fb ? -1 : 1;
}

function checkInternalRefs(
  doc: Json,
  origin: (s: Segments) => Origin,
  report: (error: SpecError) => void,
  at: (string | number)[] = [],
  node: unknown = doc,
) {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) checkInternalRefs(doc, origin, report, [...at, i], v);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const ref = (node as Json).$ref;
  if (typeof ref === 'string' && getAt(doc, fromPointer(ref)) === undefined) {
    const o = origin([...at, '$ref']);
    report(
      errorAt(
        o.file,
        o.segments,
        'unresolved-ref',
        `$ref '${ref}' points at nothing`,
        'check the JSON pointer after #; pointers are case-sensitive',
      ),
    );
  }
  for (const [k, v] of Object.entries(node))
    if (k !== '$ref') checkInternalRefs(doc, origin, report, [...at, k], v);
}
