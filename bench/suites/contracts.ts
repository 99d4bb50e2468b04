import { spawnSync } from 'node:child_process';
import { startPrisms } from '../../lib/contract/prism/index.js';
import { verifyProvider } from '../../lib/contract/verify/index.js';
import { startProviderFleet } from '../../test/contract/providers/provider-fleet.js';
import type { SuiteResult } from '../suite.js';

/** Suite name; results go to bench/results/contracts.json. */
export const name = 'contracts';

const SERVICES = [
  'auth-service',
  'user-service',
  'notion-service',
  'whatsapp-service',
  'llm-orchestrator',
] as const;
const CASES = 200;

/**
 * Contract testing costs: Prism start-up for every spec in parallel, the consumer suite's wall time (vitest,
 * Prism included), and provider verification throughput over the five services in-process.
 */
export async function run(): Promise<SuiteResult> {
  const rows: object[] = [];
  const prisms = await startPrisms(SERVICES);
  await prisms.stop();
  rows.push({
    measurement: 'prism_startup_all_specs',
    value: prisms.startupMs / 1000,
    unit: 's',
    detail: `${SERVICES.length} mocks in parallel`,
  });

  const started = performance.now();
  const consumers = spawnSync('npx', ['vitest', 'run', '--project', 'consumers'], {
    stdio: 'ignore',
    timeout: 300_000,
  });
  const consumerSeconds = (performance.now() - started) / 1000;
  if (consumers.status !== 0) throw new Error(`consumer suite failed (exit ${consumers.status})`);
  rows.push({
    measurement: 'consumer_suite_wall',
    value: consumerSeconds,
    unit: 's',
    detail: 'npx vitest run --project consumers',
  });

  const fleet = await startProviderFleet();
  let cases = 0;
  let seconds = 0;
  try {
    for (const service of SERVICES) {
      const t0 = performance.now();
      const report = await verifyProvider({
        spec: `specs/${service}.yaml`,
        baseUrl: fleet.urls[service],
        token: fleet.internalToken,
        bearer: fleet.bearer,
        cases: CASES,
        seed: 1,
      });
      const took = (performance.now() - t0) / 1000;
      const n = report.operations.reduce((sum, op) => sum + op.cases, 0);
      cases += n;
      seconds += took;
      rows.push({
        measurement: `verify_${service}`,
        value: n / took,
        unit: 'cases/s',
        detail: `${n} cases in ${took.toFixed(2)} s`,
      });
    }
  } finally {
    await fleet.close();
  }
  return {
    metrics: {
      'contracts.prism_startup_all_specs_seconds': Math.round(prisms.startupMs) / 1000,
      'contracts.consumer_suite_seconds': Math.round(consumerSeconds * 100) / 100,
      'contracts.verification_cases_per_second': Math.round(cases / seconds),
    },
    rows,
  };
}
