#!/usr/bin/env node
// Entry point for `npx switchboard`. An installed package runs its compiled CLI in dist/. In a checkout of
// switchboard itself it runs dist/ when it is newer than every source file in lib/ (`make build` makes it),
// otherwise the TypeScript sources through tsx, so an edited lib/ is never shadowed by a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sources = join(root, 'lib');
const stamp = join(root, 'dist', '.stamp');
const compiled =
  !existsSync(sources) || (existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(sources));
let cli;
if (compiled) {
  cli = await import('../dist/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../lib/cli.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
