import { toCamelIdentifier } from '../../codegen/naming.js';
import { getAt } from '../../codegen/spec-loader.js';
import type { Change, RawChange, Segments } from './change.js';
import { type LoadedSpec, majorOf } from './load-spec.js';
import { listOperations, normalizePath } from './operations.js';
import { reasonOf } from './rules.js';
import type { Json } from './schema-context.js';
import { diffService } from './service-diff.js';

/** Turns an absolute spec path into what messages show (relative to the working folder, or `ref:path`). */
export type ShowPath = (absolute: string) => string;

/** The changes between two versions of one service, and whether a major version bump allows breaking ones. */
export interface ServiceComparison {
  changes: Change[];
  /** `1.4.0 → 2.0.0` when the head's `info.version` major is higher than the base's. */
  majorBump: string | undefined;
}

/**
 * Compares two versions of a service; either may be missing (a spec file added or deleted). Each change is
 * placed at the head file and line it comes from, which may be a shared file such as `common.yaml`.
 */
export function compareSpecs(
  base: LoadedSpec | undefined,
  head: LoadedSpec | undefined,
  show: ShowPath,
): ServiceComparison {
  const service = head?.service ?? base?.service ?? '';
  if (head === undefined) {
    const file = base === undefined ? '' : show(base.bundle.entry.path);
    const message = `service removed (spec file ${file} deleted)`;
    const change: Change = {
      service,
      operation: '',
      kind: 'service-removed',
      message,
      reason: reasonOf('service-removed', 'breaking'),
      severity: 'breaking',
      breaking: true,
    };
    if (base !== undefined) Object.assign(change, { baseFile: file, baseLine: 1 });
    return { changes: [change], majorBump: undefined };
  }
  const file = show(head.bundle.entry.path);
  if (base === undefined) {
    const change: Change = {
      service,
      operation: '',
      kind: 'service-added',
      message: 'service added',
      reason: reasonOf('service-added', 'info'),
      severity: 'info',
      breaking: false,
      file,
      line: 1,
    };
    return { changes: [change], majorBump: undefined };
  }
  const raw = diffService(base.bundle.doc, head.bundle.doc);
  const before = majorOf(base.version);
  const after = majorOf(head.version);
  const majorBump =
    before !== undefined && after !== undefined && after > before
      ? `${base.version} → ${head.version}`
      : undefined;
  const methods = methodNames(base.bundle.doc);
  const changes = raw.map((c) => {
    const change = place(service, base, head, c, show);
    const method = methods.get(operationKey(c.operation));
    return method === undefined ? change : { ...change, method };
  });
  return { changes, majorBump };
}

/** Generated client method names by operation key (`GET /users/{}`), named as codegen names them. */
function methodNames(doc: Json): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, op] of listOperations(doc)) {
    const id = op.operation.operationId;
    out.set(key, toCamelIdentifier(typeof id === 'string' ? id : `${op.method} ${op.path}`));
  }
  return out;
}

/** `GET /users/{uid}` → `GET /users/{}`, the key `listOperations` uses. */
function operationKey(label: string): string {
  const space = label.indexOf(' ');
  return space === -1 ? label : `${label.slice(0, space)} ${normalizePath(label.slice(space + 1))}`;
}

/**
 * Gives a change its severity, reason, and file:line in both versions: the head location where the change
 * has one, the base location where its segments (`baseAt`, else the head's) exist in the base bundle.
 */
function place(service: string, base: LoadedSpec, head: LoadedSpec, raw: RawChange, show: ShowPath): Change {
  const { at, baseAt, severity: given, reason, ...rest } = raw;
  const severity = given ?? (raw.breaking ? 'breaking' : 'info');
  const change: Change = {
    service,
    ...rest,
    reason: reason ?? reasonOf(raw.kind, severity),
    severity,
    breaking: severity === 'breaking',
  };
  if (at !== undefined) {
    const origin = head.bundle.origin(at);
    change.file = show(origin.file.path);
    change.line = origin.file.locate(origin.segments).line;
  }
  const before = existing(base, baseAt ?? at);
  if (before !== undefined) {
    const origin = base.bundle.origin(before);
    change.baseFile = show(origin.file.path);
    change.baseLine = origin.file.locate(origin.segments).line;
  }
  return change;
}

/** `segments` when they name something in the base bundle (an added thing has no base location). */
function existing(base: LoadedSpec, segments: Segments | undefined): Segments | undefined {
  if (segments === undefined || segments.length === 0) return undefined;
  return getAt(base.bundle.doc, segments) === undefined ? undefined : segments;
}
