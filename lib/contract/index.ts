export {
  type Change,
  compareFiles,
  compareFolders,
  DiffInputError,
  type DiffReport,
  formatReport as formatDiffReport,
  reportJson as diffReportJson,
  snapshotSpecs,
} from './diff/index.js';
export {
  formatReport as formatVerifyReport,
  VerifyInputError,
  type VerifyReport,
  type Violation,
  verifyProvider,
} from './verify/index.js';
