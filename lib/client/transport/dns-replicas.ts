import { type ReplicaOptions, resolveReplicaOptions } from './replica-options.js';
import { ReplicaSet } from './replica-set.js';

/**
 * The replicas behind one host name (`replicas.dns`): the base URL's name is looked up on the first call and
 * again, in the background, on the first call after `refreshMs`; each address becomes a replica at the URL's
 * port and path, and requests carry the name in `Host`. A failed refresh keeps the addresses known; a failed
 * first lookup fails that attempt (a network error, retried as one). Only http: a TLS connection to an
 * address would check the certificate against the address, not the name.
 */
export class DnsReplicas {
  /** The `Host` header of every request. */
  readonly host: string;
  readonly #url: URL;
  readonly #options: ReplicaOptions;
  readonly #refreshMs: number;
  readonly #lookup: (hostname: string) => Promise<string[]>;
  #set: ReplicaSet | undefined;
  #resolvedAt = 0;
  #pending: Promise<ReplicaSet> | undefined;

  constructor(service: string, base: string, options: ReplicaOptions) {
    this.#url = new URL(base);
    if (this.#url.protocol !== 'http:')
      throw new TypeError(`${service} client: replicas.dns needs an http:// baseUrl, got ${base}`);
    const dns = resolveReplicaOptions(options).dns;
    if (dns === undefined) throw new TypeError(`${service} client: replicas.dns is off`);
    this.host = this.#url.host;
    this.#options = options;
    this.#refreshMs = dns.refreshMs;
    this.#lookup = dns.lookup;
  }

  /** The replica set: at once when the addresses are known (refreshed behind when stale), else once found. */
  current(): ReplicaSet | Promise<ReplicaSet> {
    const set = this.#set;
    if (set === undefined) return this.#refresh();
    if (Date.now() - this.#resolvedAt >= this.#refreshMs) void this.#refresh();
    return set;
  }

  #refresh(): Promise<ReplicaSet> {
    this.#pending ??= this.#lookup(this.#url.hostname)
      .then((addresses) => {
        const bases = [...new Set(addresses)].map((address) => this.#baseOf(address));
        if (bases.length === 0)
          throw Object.assign(new Error(`${this.#url.hostname} has no address`), { code: 'ENOTFOUND' });
        if (this.#set === undefined) this.#set = new ReplicaSet(bases, this.#options);
        else this.#set.update(bases);
        this.#resolvedAt = Date.now();
        return this.#set;
      })
      .catch((error: unknown) => {
        if (this.#set === undefined) throw error;
        // Keep the known addresses and look again only after another refreshMs.
        this.#resolvedAt = Date.now();
        return this.#set;
      })
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }

  #baseOf(address: string): string {
    const host = address.includes(':') ? `[${address}]` : address;
    const port = this.#url.port === '' ? '' : `:${this.#url.port}`;
    return `http://${host}${port}${this.#url.pathname.replace(/\/+$/, '')}`;
  }
}
