import type { Change, RawChange } from './change.js';
import { type LoadedSpec, majorOf } from './load-spec.js';
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
    return {
      changes: [{ service, operation: '', kind: 'service-removed', message, breaking: true }],
      majorBump: undefined,
    };
  }
  const file = show(head.bundle.entry.path);
  if (base === undefined) {
    const message = 'service added';
    return {
      changes: [{ service, operation: '', kind: 'service-added', message, breaking: false, file, line: 1 }],
      majorBump: undefined,
    };
  }
  const raw = diffService(base.bundle.doc, head.bundle.doc);
  const before = majorOf(base.version);
  const after = majorOf(head.version);
  const majorBump =
    before !== undefined && after !== undefined && after > before
      ? `${base.version} → ${head.version}`
      : undefined;
  return { changes: raw.map((c) => place(service, head, c, show)), majorBump };
}

function place(service: string, head: LoadedSpec, raw: RawChange, show: ShowPath): Change {
  const { at, ...rest } = raw;
  const change: Change = { service, ...rest };
  if (at === undefined) return change;
  const origin = head.bundle.origin(at);
  change.file = show(origin.file.path);
  change.line = origin.file.locate(origin.segments).line;
  return change;
}
