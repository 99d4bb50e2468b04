import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BearerSource,
  createSchemaValidators,
  type ExtraCase,
  formatReport,
  loadContract,
  type VerifyReport,
  verifyProvider,
} from '../../../lib/contract/verify/index.js';
import { type RedisServer, startRedis } from '../../helpers/redis-server.js';
import { EXAMPLE_USER, type ProviderFleet, startProviderFleet } from './provider-fleet.js';

// Provider verification of every reference service against its own spec (see lib/contract/verify):
// ≥200 seeded cases per operation plus the auth checks; any violation fails with its curl line.
const CASES = Number(process.env.SWITCHBOARD_VERIFY_CASES ?? 200);
const SEED = process.env.SWITCHBOARD_VERIFY_SEED ?? 'switchboard-providers';

// Verified twice: stores in memory, then in a real redis-server (as the services run with REDIS_URL).
const STORES = (process.env.SWITCHBOARD_VERIFY_STORES ?? 'memory,redis').split(',');

let fleet: ProviderFleet;
let redis: RedisServer | undefined;
const reports: VerifyReport[] = [];

async function startFleet(stores: string): Promise<void> {
  await fleet?.close();
  if (stores === 'redis') {
    redis ??= await startRedis();
    fleet = await startProviderFleet(redis.url);
  } else fleet = await startProviderFleet();
}

beforeAll(async () => {
  await startFleet(STORES[0] ?? 'memory');
});

afterAll(async () => {
  await fleet?.close();
  await redis?.stop();
  const cases = reports.reduce((n, r) => n + r.cases, 0);
  const ms = reports.reduce((n, r) => n + r.durationMs, 0);
  console.log(
    `provider verification: ${reports.length} services, ${cases} cases in ${(ms / 1000).toFixed(2)} s (${Math.round((cases * 1000) / ms)} cases/s)`,
  );
});

/** Requests the generator cannot make: a real token to verify, and a real (spare) one to revoke. */
function extraCases(service: string): Record<string, ExtraCase[]> {
  if (service !== 'auth-service') return {};
  return {
    verifyToken: [{ label: 'a real token', body: { token: fleet.bearer } }],
    revokeToken: [{ label: 'a real spare token', body: { token: fleet.revocable } }],
    issueToken: [{ label: 'the example user', body: EXAMPLE_USER }],
  };
}

/**
 * How a service's Bearer operations get their token: minted by auth-service for EXAMPLE_USER, as
 * `switchboard verify --bearer-url` does. llm-provider's bearer is an LLM API key, not a user JWT: it gets
 * the one the fleet seeded as a known key.
 */
function bearerFor(service: string): { bearer: string } | { bearerSource: BearerSource } {
  if (service === 'llm-provider') return { bearer: fleet.bearer };
  return {
    bearerSource: {
      url: `${fleet.urls['auth-service']}/internal/auth/tokens`,
      headers: { 'X-Internal-Auth': fleet.internalToken },
      body: EXAMPLE_USER,
    },
  };
}

/** The operationIds whose security names BearerAuth. */
function bearerOperations(service: string): string[] {
  const contract = loadContract(`specs/${service}.yaml`, createSchemaValidators());
  return contract.operations
    .filter((op) => op.security.some((alt) => alt.includes('BearerAuth')))
    .map((op) => op.id);
}

const SERVICES = [
  'auth-service',
  'user-service',
  'notion-service',
  'whatsapp-service',
  'llm-orchestrator',
  'llm-provider',
] as const;

describe.each(
  STORES.flatMap((stores, i) => SERVICES.map((service, j) => [service, stores, i > 0 && j === 0] as const)),
)('%s keeps its contract (stores: %s)', (service, stores, restart) => {
  it(`answers ≥${CASES} cases per operation as specs/${service}.yaml says`, { timeout: 60_000 }, async () => {
    // The second store kind gets a fleet of its own, started by its first service.
    if (restart) await startFleet(stores);
    if (stores === 'redis') expect(await redisKeys(redis?.url)).toBeGreaterThan(0);
    const report = await verifyProvider({
      spec: `specs/${service}.yaml`,
      baseUrl: fleet.urls[service],
      token: fleet.internalToken,
      ...bearerFor(service),
      cases: CASES,
      seed: SEED,
      extraCases: extraCases(service),
    });
    reports.push(report);
    console.log(formatReport(report));
    for (const op of report.operations) expect(op.cases).toBeGreaterThanOrEqual(CASES);
    expect(report.operations.flatMap((op) => op.violations)).toEqual([]);
    // The seeding works: every operation reached a success whose body was validated, except createUser,
    // whose only Bearer user already exists (409).
    const neverSucceeded = report.operations
      .filter((op) => !Object.keys(op.statuses).some((s) => s.startsWith('2')))
      .map((op) => op.operationId);
    expect(neverSucceeded).toEqual(service === 'user-service' ? ['createUser'] : []);
    // Bearer operations ran their valid cases with the minted token: only the auth cases were refused 401.
    const bearer = report.operations.filter((op) => bearerOperations(service).includes(op.operationId));
    if (service === 'user-service' || service === 'llm-orchestrator')
      expect(bearer.length).toBeGreaterThan(0);
    for (const op of bearer) {
      expect(op.notes.filter((n) => n.startsWith('no credentials'))).toEqual([]);
      expect(op.kinds.valid).toBeGreaterThan(0);
      expect(op.statuses['401']).toBe((op.kinds['no-auth'] ?? 0) + (op.kinds['wrong-auth'] ?? 0));
      const answered = Object.keys(op.statuses);
      if (op.operationId === 'createUser') expect(answered).toContain('409');
      else expect(answered.some((s) => s.startsWith('2'))).toBe(true);
    }
  });
});

/** How many keys the Redis at `url` holds: the fleet's seeding must have landed there. */
async function redisKeys(url: string | undefined): Promise<number> {
  if (url === undefined) return 0;
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    return await client.dbsize();
  } finally {
    client.disconnect();
  }
}
