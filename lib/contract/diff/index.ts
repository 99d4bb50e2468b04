/**
 * The breaking-change gate: compares two versions of service specs and grades every difference breaking,
 * warning or info (breaking ones a major version bump allows are set apart), each with its rule, both
 * locations, a reason and, once `attachConsumers` ran, the calls of the operation in the repository.
 */
export { type Change, type DiffReport, type Direction, SEVERITIES, type Severity } from './change.js';
export { compareFiles, compareFolders } from './compare-folders.js';
export type { ShowPath } from './compare-specs.js';
export { attachConsumers } from './consumers.js';
export { type SpecsSnapshot, snapshotSpecs } from './git-snapshot.js';
export { DiffInputError } from './input-error.js';
export { formatMarkdown } from './markdown-report.js';
export {
  consumersText,
  failsAt,
  formatChange,
  formatReport,
  locationOf,
  reportJson,
  severityOf,
} from './report.js';
