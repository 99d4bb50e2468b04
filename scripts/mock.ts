// `make mock SERVICE=<name> [PORT=4010]`: runs Prism on specs/<name>.yaml in the foreground, logging every
// request and how it was validated. Ctrl-C (or SIGTERM) is passed on to Prism; this exits when Prism does.
import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { mockableServices, prismArgs } from '../lib/contract/prism/index.js';

const root = join(import.meta.dirname, '..');
const specsDir = join(root, 'specs');
const [service, portArg] = process.argv.slice(2);
const services = await mockableServices(specsDir);
const names = services.map((s) => s.name);

const target = services.find((s) => s.name === service);
if (target === undefined) {
  const problem = service === undefined || service === '' ? 'SERVICE is missing' : `no spec for '${service}'`;
  console.error(`make mock: ${problem}; valid names (specs/*.yaml): ${names.join(', ')}`);
  console.error('usage: make mock SERVICE=<name> [PORT=4010]');
  process.exit(2);
}
const port = portArg === undefined || portArg === '' ? 4010 : Number(portArg);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`make mock: PORT must be an integer from 1 to 65535, got '${portArg}'`);
  process.exit(2);
}

const specPath = relative(root, target.specPath);
const host = '127.0.0.1';
console.log(`[mock] Prism on ${specPath} at http://${host}:${port} (Ctrl-C stops it)`);
console.log('[mock] pick a scenario per request: Prefer: code=404 | example=<name> | dynamic=true');
const child = spawn(process.execPath, prismArgs({ specPath, host, port, logLevel: 'info' }), {
  cwd: root,
  stdio: 'inherit',
});

let stopping = false;
const forward = (signal: NodeJS.Signals) => {
  stopping = true;
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('error', (error) => {
  console.error(`make mock: cannot start Prism: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (stopping) process.exit(0);
  console.error(`[mock] Prism exited (${signal ?? `code ${code}`})`);
  process.exit(code ?? 1);
});
