import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { type PrismFleet, startPrisms } from '../../lib/contract/prism/index.js';

export {
  prefer,
  preferCode,
  preferDynamic,
  preferExample,
  prismViolations,
} from '../../lib/contract/prism/index.js';

/** The repository's specs/ folder, wherever vitest runs from. */
export const SPECS_DIR = join(import.meta.dirname, '..', '..', 'specs');

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of each downstream's Prism mock, by service name (set by the consumers' globalSetup). */
    prismUrls: Record<string, string>;
  }
}

/** The base URLs of the Prism mocks a test file asked for; valid inside tests (after `beforeAll`). */
export interface PrismMocks<S extends string> {
  url(service: S): string;
}

/**
 * Gives a test file Prism mocks of `services`. When the run's globalSetup
 * (`test/contract/consumers/prism-global-setup.ts`) already started them, their URLs are reused; otherwise
 * the missing ones are started in parallel in `beforeAll` and stopped in `afterAll`.
 */
export function usePrism<const S extends string>(services: readonly S[]): PrismMocks<S> {
  const urls = new Map<string, string>();
  let own: PrismFleet | undefined;
  beforeAll(async () => {
    const provided = (inject('prismUrls') as Record<string, string> | undefined) ?? {};
    const missing = services.filter((s) => provided[s] === undefined);
    own = missing.length === 0 ? undefined : await startPrisms(missing, { specsDir: SPECS_DIR });
    for (const service of services) urls.set(service, provided[service] ?? own?.urls[service] ?? '');
  }, 90_000);
  afterAll(() => own?.stop());
  return {
    url(service) {
      const url = urls.get(service);
      if (url === undefined || url === '')
        throw new Error(`no Prism mock of ${service} (used before beforeAll?)`);
      return url;
    },
  };
}
