import { holdsNames, isExtensionKey } from './extension-keys.js';
import { hoistInnerRefs } from './hoist-inner-refs.js';
import { fromPointer, SpecError, SpecErrors, toPointer } from './spec-error.js';
import type { SpecFile } from './spec-file.js';
import { errorAt } from './spec-file.js';
import { getAt, SpecLoader } from './spec-loader.js';

type Json = Record<string, unknown>;
type Segments = readonly (string | number)[];
/** A path walked into: pushed and popped as the walk goes, so copied wherever it is kept. */
type Trail = (string | number)[];

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
 * components under the same name (suffixed on a clash); any other external ref is inlined, unless it refers
 * to itself (a recursive schema kept outside `components`), which makes it a component schema named after
 * its pointer. Refs to the inside of a schema (`#/components/schemas/Tag/allOf/0`) are hoisted too (see
 * hoist-inner-refs.ts). Specification extensions (`x-...`) are copied as they are: their `$ref`s are not
 * OpenAPI's. Internal refs are checked. Throws SpecErrors listing every ref that cannot be resolved, each
 * located at its `$ref`.
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
  /** The values of `hoisted`. */
  const hoistedRefs = new Set<string>();
  const hoist = (key: string, ref: string) => {
    hoisted.set(key, ref);
    hoistedRefs.add(ref);
  };
  const files = new Map<string, SpecFile>([[entry.path, entry]]);
  const inlining = new Set<string>();
  /** Non-component targets found to refer to themselves, by key: the component each became. */
  const recursive = new Map<string, string>();
  const doc = startingCopy(entry.value);
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

  /**
   * Copies `value` (from `file` at `at`) into the bundle at `out`, rewriting refs as it goes; `names` says
   * that the keys of `value` are names (of properties, headers, ...) rather than fields.
   */
  const walk = (value: unknown, file: SpecFile, at: Segments, out: Segments, names = false): unknown =>
    walkTrail(value, file, [...at], [...out], names);

  /**
   * walk, with `at` and `out` as trails (two different arrays) it pushes into and pops from. A SpecError
   * never leaves a walkTrail (rewriteRef's is caught by `attempt` around it), so they stay balanced.
   */
  const walkTrail = (value: unknown, file: SpecFile, at: Trail, out: Trail, names: boolean): unknown => {
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        at.push(i);
        out.push(i);
        copy.push(walkTrail(value[i], file, at, out, false));
        at.pop();
        out.pop();
      }
      return copy;
    }
    if (typeof value !== 'object' || value === null) return value;
    const obj = value as Json;
    if (typeof obj.$ref === 'string' && (file !== entry || !obj.$ref.startsWith('#'))) {
      return attempt(() => rewriteRef(obj, file, at, out), {});
    }
    const copy: Json = {};
    for (const k of Object.keys(obj)) {
      const v = obj[k];
      if (isExtensionKey(k, names)) {
        copy[k] = structuredClone(v);
        continue;
      }
      const holds = holdsNames(k, out, names);
      at.push(k);
      out.push(k);
      copy[k] = walkTrail(v, file, at, out, holds);
      at.pop();
      out.pop();
    }
    return copy;
  };

  /** A free name in `components/<kind>`, reserved (so a recursive schema can refer to it while it is walked). */
  const reserve = (kind: string, name: string): string => {
    components[kind] ??= {};
    const slot = components[kind];
    let free = name;
    for (let n = 2; Object.hasOwn(slot, free); n++) free = `${name}${n}`;
    slot[free] = {};
    return free;
  };

  const rewriteRef = (obj: Json, file: SpecFile, at: Segments, out: Trail): unknown => {
    const { target, segments, value, key } = resolveRef(file, [...at, '$ref'], obj.$ref as string);
    const { $ref: _ref, ...rest } = obj;
    // Siblings are kept as they are; the entry file's are copied, so the bundle shares nothing with it.
    const siblings = file === entry ? structuredClone(rest) : rest;
    const known = hoisted.get(key);
    if (known !== undefined) return { $ref: known, ...siblings };
    const [head, kind, name] = segments;
    if (segments.length === 3 && head === 'components' && kind !== undefined && name !== undefined) {
      const bundledName = reserve(kind, name);
      const ref = `#/components/${kind}/${bundledName}`;
      hoist(key, ref);
      origins.set(toPointer(['components', kind, bundledName]), { file: target, segments });
      (components[kind] as Json)[bundledName] = walk(value, target, segments, [
        'components',
        kind,
        bundledName,
      ]);
      return { $ref: ref, ...siblings };
    }
    if (inlining.has(key)) {
      // Refers to itself while being inlined: it becomes a schema component, filled in when the outer
      // inlining (below) finishes.
      let ref = recursive.get(key);
      if (ref === undefined) {
        const base = String(segments.at(-1) ?? target.path.replace(/^.*\/|\.[^.]*$/g, ''));
        ref = `#/components/schemas/${reserve('schemas', base.replaceAll(/[^A-Za-z0-9._-]/g, '_') || 'Schema')}`;
        recursive.set(key, ref);
        hoist(key, ref);
      }
      return { $ref: ref, ...siblings };
    }
    inlining.add(key);
    origins.set(toPointer(out), { file: target, segments });
    const inlined = walkTrail(value, target, [...segments], out, false);
    inlining.delete(key);
    const own = recursive.get(key);
    if (own !== undefined) {
      // Walked again where it now lives, so errors inside it are located from there.
      const at = fromPointer(own);
      origins.delete(toPointer(out));
      origins.set(toPointer(at), { file: target, segments });
      (components.schemas as Json)[at[2] as string] = walk(value, target, segments, at);
      return { $ref: own, ...siblings };
    }
    return typeof inlined === 'object' && inlined !== null ? { ...(inlined as Json), ...siblings } : inlined;
  };

  // Component slots that are themselves external refs keep their own name; register them first.
  const kinds = Object.entries(components).filter(([kind]) => !isExtensionKey(kind, false));
  for (const [kind, slot] of kinds) {
    for (const [name, v] of Object.entries(slot ?? {})) {
      const ref = (v as Json | null)?.$ref;
      if (typeof ref === 'string' && !ref.startsWith('#')) {
        const resolved = attempt(() => resolveRef(entry, ['components', kind, name, '$ref'], ref), undefined);
        if (resolved !== undefined) hoist(resolved.key, `#/components/${kind}/${name}`);
      }
    }
  }
  for (const key of Object.keys(doc)) {
    if (key !== 'components' && !isExtensionKey(key, false))
      doc[key] = walk(doc[key], entry, [key], [key], holdsNames(key, [], false));
  }
  for (const [kind, slot] of Object.entries(components)) {
    if (isExtensionKey(kind, false)) continue;
    for (const name of Object.keys(slot ?? {})) {
      const at = ['components', kind, name];
      if (origins.has(toPointer(at))) continue;
      slot[name] = hoistedRefs.has(`#/components/${kind}/${name}`)
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
  hoistInnerRefs(doc, (moved, from) => origins.set(toPointer(moved), origin(from)));
  if (Object.keys(components).length === 0) delete doc.components;
  checkInternalRefs(doc, origin, record);
  if (problems.size > 0) throw new SpecErrors([...problems.values()].sort(byPlace));
  return { entry, doc, files: [...files.values()], origin };
}

/**
 * The entry document to bundle into, sharing nothing with `value` once bundled: every field but the
 * extensions, and every component, is replaced by a walked copy, so only the containers are copied here;
 * extensions are kept as they are, so they are copied whole.
 */
function startingCopy(value: unknown): Json {
  if (!isMapping(value)) return structuredClone(value) as Json;
  const doc: Json = {};
  for (const [key, v] of Object.entries(value)) {
    if (key !== 'components') doc[key] = isExtensionKey(key, false) ? structuredClone(v) : v;
    else if (!isMapping(v)) doc[key] = structuredClone(v);
    else {
      const components: Json = {};
      for (const [kind, slot] of Object.entries(v))
        components[kind] =
          isExtensionKey(kind, false) || !isMapping(slot) ? structuredClone(slot) : { ...slot };
      doc[key] = components;
    }
  }
  return doc;
}

function isMapping(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byPlace(a: SpecError, b: SpecError): number {
  const { file: fa, line: la = 0, column: ca = 0 } = a.location;
  const { file: fb, line: lb = 0, column: cb = 0 } = b.location;
  return fa === fb ? la - lb || ca - cb : fa < fb ? -1 : 1;
}

function checkInternalRefs(doc: Json, origin: (s: Segments) => Origin, report: (error: SpecError) => void) {
  const resolves = new Map<string, boolean>();
  const at: Trail = [];
  const visit = (node: unknown, names: boolean): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        at.push(i);
        visit(node[i], false);
        at.pop();
      }
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const ref = (node as Json).$ref;
    if (typeof ref === 'string') {
      let found = resolves.get(ref);
      if (found === undefined) {
        found = getAt(doc, fromPointer(ref)) !== undefined;
        resolves.set(ref, found);
      }
      if (!found) {
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
    }
    for (const k of Object.keys(node)) {
      if (k === '$ref' || isExtensionKey(k, names)) continue;
      const holds = holdsNames(k, at, names);
      at.push(k);
      visit((node as Json)[k], holds);
      at.pop();
    }
  };
  visit(doc, false);
}
