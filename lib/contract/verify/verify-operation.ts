import type { SecuritySchemeSpec } from '../../client/service-spec.js';
import { buildRequest, type HttpRequest } from './build-request.js';
import { checkResponse } from './check-response.js';
import { type Credentials, chooseAlternative } from './credentials.js';
import { curlLine } from './curl-line.js';
import type { Exchange } from './http-exchange.js';
import type { OperationContract } from './load-contract.js';
import { planCases } from './plan-cases.js';
import type { SeededRandom } from './seeded-random.js';
import type { VerifyOptions } from './verify-options.js';
import type { OperationReport } from './verify-report.js';

/** What verifying one operation needs: the provider, credentials, seeded randomness and how to send. */
export interface OperationRun {
  schemes: Readonly<Record<string, SecuritySchemeSpec>>;
  credentials: Credentials;
  baseUrl: string;
  rng: SeededRandom;
  cases: number;
  extraCases?: VerifyOptions['extraCases'];
  maxViolations: number;
  run: (tasks: (() => Promise<void>)[]) => Promise<void>;
  send: (req: HttpRequest) => Promise<Exchange>;
}

/**
 * Plans the cases of `op` (see `planCases`), sends them through `o.run` and judges every answer with
 * `checkResponse`, counting statuses and keeping the first `o.maxViolations` violations with curl lines.
 */
export async function verifyOperation(op: OperationContract, o: OperationRun): Promise<OperationReport> {
  const started = performance.now();
  const alternative = chooseAlternative(op.security, o.credentials);
  const credentialed = alternative.every((s) => o.credentials[s] !== undefined);
  const secured = op.security.length > 0 && !op.security.some((alt) => alt.length === 0);
  const plan = planCases(op, o.rng, { cases: o.cases, extra: o.extraCases?.[op.id] ?? [], secured });
  const report: OperationReport = {
    operationId: op.id,
    method: op.method.toUpperCase(),
    path: op.path,
    cases: plan.cases.length,
    kinds: {},
    statuses: {},
    violations: [],
    violationCount: 0,
    notes: [...plan.notes],
    durationMs: 0,
  };
  if (secured && !credentialed)
    report.notes.push(`no credentials for ${alternative.join(' + ')}: valid requests can only be refused`);
  const statuses = new Map<number | 'no answer', number>();
  await o.run(
    plan.cases.map((c) => async () => {
      report.kinds[c.kind] = (report.kinds[c.kind] ?? 0) + 1;
      const built = buildRequest(o.baseUrl, o.schemes, op, c, o.credentials);
      const answer = await o.send(built.actual);
      const key = answer.ok ? answer.status : 'no answer';
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      const reasons = checkResponse(op, { kind: c.kind, credentialed }, answer);
      if (reasons.length === 0) return;
      report.violationCount++;
      if (report.violations.length < o.maxViolations) {
        const status = answer.ok ? answer.status : undefined;
        report.violations.push({
          operationId: op.id,
          kind: c.kind,
          case: c.label,
          status,
          reasons,
          curl: curlLine(built.shown),
        });
      }
    }),
  );
  const ordered = [...statuses].sort(([a], [b]) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : typeof a === 'number' ? -1 : 1,
  );
  report.statuses = Object.fromEntries(ordered.map(([k, n]) => [String(k), n]));
  report.durationMs = performance.now() - started;
  return report;
}

/** Runs `tasks` with at most `limit` in flight. */
export async function runPool(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await (tasks[next++] as () => Promise<void>)();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
