import {
  createSchemaValidators,
  loadContract,
  type OperationContract,
  planCases,
  SeededRandom,
} from '../../../lib/contract/verify/index.js';
import { lintSpecs } from '../../../lib/lint/index.js';

/** The answers verify's planned cases get from a conforming Switchboard server, by case kind. */
const ANSWER = { invalid: 400, 'no-auth': 401, 'wrong-auth': 401, valid: 200, example: 200, extra: 200 };

/** The lint rules that demand a documented status, each for the cases verify sends. */
export const STATUS_RULES = [
  'switchboard/validated-input-documents-400',
  'switchboard/secured-documents-401',
  'operation-2xx-response',
];

/** One operation: the statuses its planned cases need that the spec leaves undocumented, and lint's say. */
export interface OperationDemands {
  operationId: string;
  /** `#/paths/~1users~1{uid}/get`, as lint pointers start. */
  pointer: string;
  undocumented: number[];
  /** Lint problems of STATUS_RULES at this operation. */
  flaggedBy: string[];
}

/** Whether `status` is documented as check-response reads it: listed, in a range, or `default`. */
export function documents(op: OperationContract, status: number): boolean {
  const success = status >= 200 && status < 300;
  return op.responses.some(
    (r) =>
      r.status === status ||
      r.status === `${Math.floor(status / 100)}XX` ||
      r.status === 'default' ||
      (success && typeof r.status === 'number' && r.status >= 200 && r.status < 300),
  );
}

/** The statuses the cases verify plans for `op` are answered with (a success as 200). */
export function demandedStatuses(op: OperationContract, cases = 40, seed = 'agreement'): number[] {
  const secured = op.security.length > 0 && !op.security.some((alt) => alt.length === 0);
  const plan = planCases(op, new SeededRandom(`${seed}/${op.id}`), { cases, extra: [], secured });
  return [...new Set(plan.cases.map((c) => ANSWER[c.kind]))].sort();
}

function operationPointer(op: OperationContract): string {
  return `#/paths/${op.path.replaceAll('~', '~0').replaceAll('/', '~1')}/${op.method}`;
}

/**
 * For every operation of `spec`: the statuses verify would demand that the spec does not document, and
 * the status rules lint reports at that operation. Throws when verify cannot load the spec or lint fails.
 */
export async function compareWithLint(spec: string, cases?: number): Promise<OperationDemands[]> {
  const contract = loadContract(spec, createSchemaValidators());
  const problems = (
    await lintSpecs([spec]).catch((error: Error) => {
      throw new Error(`lint failed: ${error.message}`);
    })
  ).filter((p) => STATUS_RULES.includes(p.rule));
  return contract.operations.map((op) => {
    const pointer = operationPointer(op);
    return {
      operationId: op.id,
      pointer,
      undocumented: demandedStatuses(op, cases).filter((s) => !documents(op, s)),
      flaggedBy: [...new Set(problems.filter((p) => p.pointer.startsWith(`${pointer}/`)).map((p) => p.rule))],
    };
  });
}
