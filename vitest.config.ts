import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Generated code and services import the toolkit by its package name (`switchboard/client`); under test they
// get the TypeScript sources, as `tsc` (customConditions) and `node --conditions=switchboard-source` do.
const pkg = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {
  name: string;
  exports: Record<string, string | Record<string, string>>;
};
const alias = Object.entries(pkg.exports).flatMap(([subpath, target]) => {
  const source = typeof target === 'string' ? undefined : target['switchboard-source'];
  if (source === undefined) return [];
  const find = new RegExp(`^${pkg.name}${subpath.slice(1).replaceAll('/', '\\/')}$`);
  return [{ find, replacement: fileURLToPath(new URL(source, import.meta.url)) }];
});

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['test/**/*.test.ts'],
          exclude: ['test/contract/consumers/**', 'test/chaos/**', '**/node_modules/**'],
        },
      },
      {
        // Consumer tests share one Prism per downstream spec, started once for the run.
        extends: true,
        test: {
          name: 'consumers',
          include: ['test/contract/consumers/**/*.test.ts'],
          globalSetup: ['test/contract/consumers/prism-global-setup.ts'],
        },
      },
      {
        // The chaos suite measures timing: scripts/run-tests.js runs it on its own, one file at a time.
        extends: true,
        test: { name: 'chaos', include: ['test/chaos/**/*.test.ts'], fileParallelism: false },
      },
    ],
  },
});
