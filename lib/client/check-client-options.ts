import type { ClientOptions } from './client-options.js';
import { resolveResilience } from './resilience/resilience-options.js';
import type { ServiceSpec } from './service-spec.js';
import { parseOrigins } from './transport/origin-list.js';
import { resolveReplicaOptions } from './transport/replica-options.js';

/**
 * Checks a client's options once, at construction: an http(s) base URL or a list of them sharing one path
 * prefix (the first one's origin names the downstream for its breaker, budget and telemetry); the replicas
 * options, even for one URL; timeouts and attempt counts within bounds; every per-attempt timeout (client
 * default, spec `x-timeout-ms`, per-operation overrides) strictly below the total deadline, since an attempt
 * that cannot finish before the deadline is a configuration bug.
 * Throws TypeError or RangeError naming the option.
 */
export function checkClientOptions(
  spec: ServiceSpec,
  options: ClientOptions,
): { bases: string[]; origin: string } {
  const bases = parseOrigins(spec.name, options.baseUrl);
  const dns = options.replicas === undefined ? undefined : resolveReplicaOptions(options.replicas).dns;
  if (dns !== undefined && bases.length > 1)
    throw new TypeError(
      `${spec.name} client: replicas.dns takes one baseUrl (the name to look up), not a list`,
    );
  if (dns !== undefined && options.fetch !== undefined)
    throw new TypeError(`${spec.name} client: replicas.dns needs the pooled transport, not fetch`);
  if (options.fetch !== undefined && options.transport !== undefined)
    throw new TypeError(`${spec.name} client: give either transport or fetch, not both`);
  const deadlineMs =
    options.resilience === false || options.policy !== undefined
      ? Number.POSITIVE_INFINITY
      : resolveResilience(options.resilience ?? {}).deadlineMs;
  const timeouts: [string, number | undefined][] = [['timeoutMs', options.timeoutMs]];
  for (const [id, op] of Object.entries(spec.operations))
    timeouts.push([`${id} (x-timeout-ms)`, op.timeoutMs]);
  for (const [id, o] of Object.entries(options.operations ?? {})) {
    if (spec.operations[id] === undefined)
      throw new TypeError(`${spec.name} client: operations.${id} names no operation of the spec`);
    timeouts.push([`operations.${id}.timeoutMs`, o.timeoutMs]);
    attempts(`operations.${id}.maxAttempts`, o.maxAttempts, spec.name);
  }
  attempts('maxAttempts', options.maxAttempts, spec.name);
  for (const [name, ms] of timeouts) {
    if (ms === undefined) continue;
    if (!Number.isFinite(ms) || ms < 1)
      throw new RangeError(`${spec.name} client: ${name} must be a positive number of ms, got ${ms}`);
    if (ms >= deadlineMs)
      throw new RangeError(
        `${spec.name} client: ${name} (${ms} ms) must be below the total deadline (resilience.deadlineMs = ${deadlineMs} ms)`,
      );
  }
  return { bases, origin: new URL(bases[0] as string).origin };
}

function attempts(name: string, value: number | undefined, service: string): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 1 || value > 10)
    throw new RangeError(`${service} client: ${name} must be an integer from 1 to 10, got ${value}`);
}
