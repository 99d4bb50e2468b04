import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '../codegen/generate.js';
import { SpecErrors } from '../codegen/spec-error.js';
import { NewServiceError, newService } from '../scaffold/new-service.js';
import { ConfigFileError } from '../scaffold/project-config.js';
import { ScaffoldConflictError } from '../scaffold/scaffold-files.js';

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
  const port = parsed.values.port === undefined ? undefined : Number(parsed.values.port);
  if (port !== undefined && !/^\d+$/.test(parsed.values.port ?? '')) {
    console.error(`switchboard new: --port must be an integer from 1 to 65535, got '${parsed.values.port}'`);
    return 2;
  }
  try {
    const result = newService('.', name, port);
    for (const file of result.written) console.log(`  wrote     ${file}`);
    const report = await generate({
      specsDir: join('.', result.config.specs),
      outDir: join('.', result.config.out),
    });
    const generated = report.events.filter((e) => e.status === 'generated').map((e) => e.service);
    console.log(`  generated ${generated.join(', ') || 'nothing new'} into ${result.config.out}/`);
    console.log(
      `\n${name} listens on port ${result.port} in \`switchboard dev\`; edit its spec, then \`npx switchboard generate\``,
    );
    return 0;
  } catch (error) {
    if (error instanceof SpecErrors) {
      for (const e of error.errors) console.error(e.format((f) => relative(process.cwd(), f) || f));
      console.error(`switchboard new: the files are written, but generation failed: ${error.message}`);
      return 1;
    }
    if (
      error instanceof NewServiceError ||
      error instanceof ScaffoldConflictError ||
      error instanceof ConfigFileError
    ) {
      console.error(`switchboard new: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
