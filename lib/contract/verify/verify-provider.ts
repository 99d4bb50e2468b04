import { randomInt } from 'node:crypto';
import { Agent } from 'undici';
import { needsBearer, obtainBearer } from './bearer-source.js';
import { resolveCredentials } from './credentials.js';
import { exchange } from './http-exchange.js';
import { loadContract } from './load-contract.js';
import { createSchemaValidators } from './schema-validators.js';
import { SeededRandom } from './seeded-random.js';
import { VerifyInputError } from './verify-input-error.js';
import { runPool, verifyOperation } from './verify-operation.js';
import {
  DEFAULT_CASES,
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_VIOLATIONS,
  DEFAULT_TIMEOUT_MS,
  type VerifyOptions,
} from './verify-options.js';
import type { OperationReport, VerifyReport } from './verify-report.js';

/**
 * Verifies a running provider against its spec: every operation is exercised with the spec's examples,
 * seeded valid and invalid requests and (when secured) requests without and with wrong credentials, and
 * every answer is checked by `checkResponse`. Resolves to the report (`ok` when no violation); rejects
 * with VerifyInputError when the spec or options are unusable, nothing answers at `baseUrl`, or the
 * `bearerSource` gives no token.
 */
export async function verifyProvider(options: VerifyOptions): Promise<VerifyReport> {
  const cases = options.cases ?? DEFAULT_CASES;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  checkOptions(options.baseUrl, cases, concurrency, timeoutMs);
  const validators = createSchemaValidators();
  const contract = loadContract(options.spec, validators);
  const wanted = options.operations;
  const unknown = (wanted ?? []).filter(
    (id) => !contract.operations.some((op) => op.id === id) && !contract.refused.has(id),
  );
  if (unknown.length > 0) throw new VerifyInputError(`no operation ${unknown.join(', ')} in ${options.spec}`);
  const refused = [...contract.refused].filter(([id]) => wanted === undefined || wanted.includes(id));
  if (refused.length > 0)
    throw new VerifyInputError(
      `cannot verify against ${options.spec}: ${refused.length} operation(s) cannot be verified (name the others to verify only them)`,
      refused.map(([, why]) => why),
    );
  const operations = contract.operations.filter((op) => wanted === undefined || wanted.includes(op.id));
  const seed = String(options.seed ?? randomInt(1, 2 ** 31));
  const dispatcher = new Agent({ connections: concurrency, keepAliveTimeout: 10_000 });
  const started = performance.now();
  try {
    const probe = await exchange(
      dispatcher,
      { method: 'GET', url: options.baseUrl, headers: {}, body: undefined },
      timeoutMs,
    );
    if (!probe.ok) throw new VerifyInputError(`cannot reach ${options.baseUrl}: ${probe.error}`);
    const { bearerSource, ...given } = options;
    const sourced =
      given.bearer === undefined &&
      bearerSource !== undefined &&
      operations.some((op) => needsBearer(contract.schemes, op.security, given.credentials));
    const bearer = sourced ? await obtainBearer(bearerSource, dispatcher, timeoutMs) : given.bearer;
    const credentials = resolveCredentials(
      contract.schemes,
      bearer === undefined ? given : { ...given, bearer },
    );
    const reports: OperationReport[] = [];
    for (const op of operations) {
      const report = await verifyOperation(op, {
        baseUrl: options.baseUrl,
        extraCases: options.extraCases,
        schemes: contract.schemes,
        credentials,
        rng: new SeededRandom(`${seed}/${op.id}`),
        cases,
        run: (tasks) => runPool(tasks, concurrency),
        send: (req) => exchange(dispatcher, req, timeoutMs),
        maxViolations: options.maxViolationsPerOperation ?? DEFAULT_MAX_VIOLATIONS,
      });
      reports.push(report);
      options.onOperation?.(report);
    }
    const durationMs = performance.now() - started;
    const total = reports.reduce((n, r) => n + r.cases, 0);
    const violations = reports.reduce((n, r) => n + r.violationCount, 0);
    return {
      spec: options.spec,
      title: contract.title,
      baseUrl: options.baseUrl,
      seed,
      casesPerOperation: cases,
      operations: reports,
      cases: total,
      violations,
      durationMs,
      casesPerSecond: durationMs > 0 ? (total * 1000) / durationMs : 0,
      uncheckedFormats: validators.uncheckedFormats(),
      ok: violations === 0,
    };
  } finally {
    await dispatcher.close();
  }
}

function checkOptions(baseUrl: string, cases: number, concurrency: number, timeoutMs: number): void {
  const problems: string[] = [];
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol))
    problems.push(`base URL '${baseUrl}' is not an http(s) URL`);
  if (!Number.isInteger(cases) || cases < 1 || cases > 100_000)
    problems.push(`cases must be 1–100000, got ${cases}`);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024)
    problems.push(`concurrency must be 1–1024, got ${concurrency}`);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    problems.push(`timeoutMs must be positive, got ${timeoutMs}`);
  if (problems.length > 0) throw new VerifyInputError(problems.join('; '), problems);
}
