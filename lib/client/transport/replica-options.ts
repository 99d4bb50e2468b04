import { lookup } from 'node:dns/promises';
import { boundedOption } from '../bounded-option.js';

/** Replica discovery by DNS: every address of the base URL's host name is a replica. */
export interface DnsDiscovery {
  /** How old the addresses may get, in ms, before a call looks them up again (behind it). Default 30000. */
  refreshMs?: number;
  /** Returns every address of a host name. Default: the system resolver (`dns.lookup`, all addresses). */
  lookup?: (hostname: string) => Promise<string[]>;
}

/** Ejection of unhealthy replicas (outlier detection) and their discovery; every limit is explicit. */
export interface ReplicaOptions {
  /** Consecutive failures (network error, attempt timeout, HTTP 502/503/504) that eject a replica. Default 3. */
  failureThreshold?: number;
  /** How long a first ejection lasts, in ms; each re-ejection doubles it. Default 1000. */
  ejectMs?: number;
  /** Longest ejection, in ms. Default 30000. */
  maxEjectMs?: number;
  /** Largest share of the replicas ejected at once, 0–0.5 (rounded down). Default 0.5. */
  maxEjectedShare?: number;
  /** Called when a replica is ejected or readmitted: feed logs and metrics from here. */
  onEvent?: (event: ReplicaEvent) => void;
  /**
   * Balance over every address the (single, http) base URL's host name resolves to, each request carrying
   * the name in `Host`; `true` for the defaults. Only on the pooled transport (not with `fetch`). Default off.
   */
  dns?: boolean | DnsDiscovery;
}

/** What a replica set tells `onEvent`. */
export type ReplicaEvent =
  | { type: 'ejected'; base: string; forMs: number }
  | { type: 'readmitted'; base: string };

function bounded(name: string, value: number, min: number, max: number): number {
  return boundedOption(`replicas.${name}`, value, min, max);
}

/** ReplicaOptions with every default filled in. */
export interface ResolvedReplicaOptions {
  failureThreshold: number;
  ejectMs: number;
  maxEjectMs: number;
  maxEjectedShare: number;
  onEvent: (event: ReplicaEvent) => void;
  dns: Required<DnsDiscovery> | undefined;
}

/** Fills defaults and checks every limit; a bad value throws RangeError naming it (`replicas.ejectMs …`). */
export function resolveReplicaOptions(options: ReplicaOptions = {}): ResolvedReplicaOptions {
  const ejectMs = bounded('ejectMs', options.ejectMs ?? 1000, 1, 3_600_000);
  return {
    failureThreshold: bounded('failureThreshold', options.failureThreshold ?? 3, 1, 1000),
    ejectMs,
    maxEjectMs: bounded('maxEjectMs', options.maxEjectMs ?? 30_000, ejectMs, 3_600_000),
    maxEjectedShare: bounded('maxEjectedShare', options.maxEjectedShare ?? 0.5, 0, 0.5),
    onEvent: options.onEvent ?? (() => {}),
    dns:
      options.dns === undefined || options.dns === false
        ? undefined
        : {
            refreshMs: bounded(
              'dns.refreshMs',
              (options.dns === true ? undefined : options.dns.refreshMs) ?? 30_000,
              100,
              3_600_000,
            ),
            lookup: (options.dns === true ? undefined : options.dns.lookup) ?? lookupAll,
          },
  };
}

/** Every address of `hostname`, IPv4 and IPv6, as the system resolver (and /etc/hosts) answers. */
export async function lookupAll(hostname: string): Promise<string[]> {
  return (await lookup(hostname, { all: true })).map((a) => a.address);
}
