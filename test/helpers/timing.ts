/**
 * What a unit test adds to a latency it claims (a timeout, a fail-fast path) before calling it broken. The
 * suite runs on shared 2-core machines next to redis-server, other vitest workers and other people's runs,
 * where a timer or socket callback can be scheduled a couple of hundred ms late; anything later than the
 * claim plus this is the code waiting on something it should not. A correctness bound, not a speed target.
 */
export const SCHEDULING_ALLOWANCE_MS = 250;

/** The 250 ms command timeout of `createRedis` (services/shared/redis-client.ts), which tests rely on. */
export const REDIS_COMMAND_TIMEOUT_MS = 250;
