import { join } from 'node:path';
import { type PrismMock, type StartPrismOptions, startPrism } from './start-prism.js';

/** Several Prism mocks, one per service, started together. */
export interface PrismFleet {
  /** The mock of each service, by service name. */
  mocks: Readonly<Record<string, PrismMock>>;
  /** The base URL of each service's mock, by service name. */
  urls: Readonly<Record<string, string>>;
  /** Milliseconds until the last of them answered. */
  startupMs: number;
  /** Stops every mock and waits for them to exit. */
  stop(): Promise<void>;
}

/** Options of `startPrisms`: those of `startPrism` minus the spec, plus where specs live. */
export interface StartPrismsOptions extends Omit<StartPrismOptions, 'specPath' | 'port'> {
  /** Folder of `<service>.yaml`. Default `specs` under the current directory. */
  specsDir?: string;
}

/**
 * Starts one Prism per service in parallel (each on a free port) from `<specsDir>/<service>.yaml`. If any
 * fails to start, the others are stopped and the first error is thrown.
 */
export async function startPrisms(
  services: readonly string[],
  options: StartPrismsOptions = {},
): Promise<PrismFleet> {
  const { specsDir = 'specs', ...rest } = options;
  const started = performance.now();
  const outcomes = await Promise.allSettled(
    services.map((service) => startPrism({ ...rest, specPath: join(specsDir, `${service}.yaml`) })),
  );
  const running = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const stop = async () => {
    await Promise.all(running.map((mock) => mock.stop()));
  };
  const failed = outcomes.find((o) => o.status === 'rejected');
  if (failed !== undefined) {
    await stop();
    throw failed.reason;
  }
  const mocks = Object.fromEntries(services.map((service, i) => [service, running[i] as PrismMock]));
  const urls = Object.fromEntries(services.map((service, i) => [service, running[i]?.url ?? '']));
  return { mocks, urls, startupMs: Math.round(performance.now() - started), stop };
}
