export { type BearerSource, obtainBearer } from './bearer-source.js';
export { type CaseExpectation, checkResponse } from './check-response.js';
export { type Credentials, secretVariable } from './credentials.js';
export { curlLine, shellQuote } from './curl-line.js';
export { formatReport, formatStatuses } from './format-report.js';
export { loadContract, type OperationContract, type ProviderContract } from './load-contract.js';
export { type CasePlan, planCases } from './plan-cases.js';
export type { CaseKind, ExtraCase, RequestCase } from './request-case.js';
export { type Mutation, type MutationKind, mutationsOf } from './schema-mutations.js';
export { createSchemaValidators, type SchemaValidators } from './schema-validators.js';
export { type Generated, generateValue } from './schema-values.js';
export { SeededRandom } from './seeded-random.js';
export { stringForPattern } from './string-pattern.js';
export { VerifyInputError } from './verify-input-error.js';
export {
  DEFAULT_CASES,
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_VIOLATIONS,
  DEFAULT_TIMEOUT_MS,
  type VerifyOptions,
} from './verify-options.js';
export { verifyProvider } from './verify-provider.js';
export type { OperationReport, VerifyReport, Violation } from './verify-report.js';
