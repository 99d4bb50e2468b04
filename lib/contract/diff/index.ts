/**
 * The breaking-change gate: compares two versions of service specs and sorts every difference into
 * breaking, compatible, or allowed by a major version bump.
 */
export type { Change, DiffReport, Direction } from './change.js';
export { compareFiles, compareFolders } from './compare-folders.js';
export type { ShowPath } from './compare-specs.js';
export { type SpecsSnapshot, snapshotSpecs } from './git-snapshot.js';
export { DiffInputError } from './input-error.js';
export { formatChange, formatReport, reportJson } from './report.js';
