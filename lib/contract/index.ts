export {
  attachConsumers,
  type Change,
  compareFiles,
  compareFolders,
  DiffInputError,
  type DiffReport,
  formatMarkdown as formatDiffMarkdown,
  formatReport as formatDiffReport,
  reportJson as diffReportJson,
  SEVERITIES,
  type Severity,
  snapshotSpecs,
} from './diff/index.js';
export {
  formatReport as formatVerifyReport,
  VerifyInputError,
  type VerifyReport,
  type Violation,
  verifyProvider,
} from './verify/index.js';
