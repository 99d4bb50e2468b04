/** The house lint: OpenAPI conventions of Switchboard specs, checked by Redocly plus our own rules. */
export { countProblems, formatProblems } from './format-problems.js';
export { BUILT_IN_RULES } from './lint-config.js';
export type { LintProblem } from './lint-problem.js';
export { lintSpecs } from './lint-specs.js';
export { HOUSE_RULES, PLUGIN_ID } from './plugin.js';
export { OPERATION_VERBS } from './rules/operation-verbs.js';
