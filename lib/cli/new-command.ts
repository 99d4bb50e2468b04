import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '../codegen/generate.js';
import { SpecErrors } from '../codegen/spec-error.js';
import { NewServiceError, newService } from '../scaffold/new-service.js';
import { InitError } from '../scaffold/package-json.js';
import { findProjectRoot } from '../scaffold/project-root.js';
import { ScaffoldConflictError, ScaffoldWriteError } from '../scaffold/scaffold-files.js';

const HELP = `usage: switchboard new service <name> [--port N]

Adds a service: specs/<name>.yaml from a template that passes the house lint, the generated code,
<services>/<name>/routes/handlers.ts, app.ts (createServiceApp), main.ts (runService), a test that
starts it on port 0 and calls it through its generated client, and its dev port in switchboard.config.json
(default: the highest port listed + 1, or 3101). Folders come from switchboard.config.json.
Never overwrites a file: it refuses, names the file and writes nothing.`;

/** `switchboard new service <name>`: exit 0 done, 1 refused or generation failed, 2 bad usage. */
export async function newCommand(args: string[]): Promise<number> {
  let parsed: { values: { port?: string; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`switchboard new: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (parsed.values.help === true) {
    console.log(HELP);
    return 0;
  }
  const [kind, name, ...extra] = parsed.positionals;
  if (kind !== 'service' || name === undefined || extra.length > 0) {
    console.error(`switchboard new: expected 'new service <name>'\n\n${HELP}`);
    return 2;
  }
  const rawPort = parsed.values.port;
  const port = rawPort === undefined ? undefined : Number(rawPort);
  if (port !== undefined && (!/^\d+$/.test(rawPort ?? '') || port < 1 || port > 65535)) {
    console.error(`switchboard new: --port must be an integer from 1 to 65535, got '${rawPort}'`);
    return 2;
  }
  const root = findProjectRoot();
  if (root === undefined) {
    console.error(
      'switchboard new: no switchboard.config.json or package.json here or above; run `switchboard init` first',
    );
    return 1;
  }
  let result: ReturnType<typeof newService>;
  try {
    result = newService(root, name, port);
  } catch (error) {
    if (
      error instanceof NewServiceError ||
      error instanceof InitError ||
      error instanceof ScaffoldConflictError ||
      error instanceof ScaffoldWriteError
    ) {
      console.error(`switchboard new: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const shown = (file: string) => relative(process.cwd(), join(root, file)) || file;
  for (const file of result.written) console.log(`  wrote     ${shown(file)}`);
  if (result.addedDependencies.length > 0)
    console.log(
      `  added     ${result.addedDependencies.join(', ')} to package.json dependencies (the service's main.ts imports them): run npm install`,
    );
  try {
    const report = await generate({
      specsDir: join(root, result.config.specs),
      outDir: join(root, result.config.out),
    });
    const generated = report.events.filter((e) => e.status === 'generated').map((e) => e.service);
    console.log(`  generated ${generated.join(', ') || 'nothing new'} into ${shown(result.config.out)}/`);
  } catch (error) {
    if (!(error instanceof SpecErrors)) throw error;
    for (const e of error.errors) console.error(e.format((f) => relative(process.cwd(), f) || f));
    console.error(
      `switchboard new: ${name}'s files are written, but generating failed (${error.message}); fix the spec named above, then run \`switchboard generate\``,
    );
    return 1;
  }
  console.log(
    `\n${name} listens on port ${result.port} in \`switchboard dev\`; edit its spec, then \`npx switchboard generate\``,
  );
  return 0;
}
