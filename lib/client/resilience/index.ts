export type {
  BreakerOptions,
  BreakerState,
  ConsecutiveBreakerOptions,
  RatioBreakerOptions,
} from './circuit-breaker.js';
export { type ResilienceEvent, type ResilienceOptions, resolveResilience } from './resilience-options.js';
export { createResilientPolicy, type ResilientPolicy } from './resilient-policy.js';
export { parseRetryAfter } from './retry-after.js';
export { RetryBudget, type RetryBudgetOptions } from './retry-budget.js';
