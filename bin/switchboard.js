#!/usr/bin/env node
// Entry point for `npx switchboard`: loads the TypeScript CLI through tsx so the repo needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli.ts');
process.exitCode = await main(process.argv.slice(2));
