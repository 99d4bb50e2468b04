import { parseArgs } from 'node:util';
import { EXAMPLE_SERVICE, InitError, initProject } from '../scaffold/init-project.js';
import { ConfigFileError } from '../scaffold/project-config.js';
import { ScaffoldConflictError, ScaffoldWriteError } from '../scaffold/scaffold-files.js';

const HELP = `usage: switchboard init [dir]

Makes a repository (default: the current folder) ready for Switchboard:
  specs/common.yaml            security schemes, the Error body, shared responses and headers
  specs/example-service.yaml   an example service spec that passes the house lint (first run only)
  switchboard.config.json      folders and options the commands read (specs, out, services, tests)
  package.json                 "type": "module", switchboard and fastify in dependencies, and the scripts
                               generate, check, lint, mock, verify, diff, dev, build, test (yours are kept)
  tsconfig.json, .gitignore    when there is none
  .github/workflows/switchboard.yml   CI: lint, drift check, breaking-change gate, tests
Never overwrites a file it did not write: it refuses, names the file and writes nothing.`;

/** `switchboard init [dir]`: exit 0 done, 1 refused (a file in the way, a bad package.json), 2 bad usage. */
export async function initCommand(args: string[]): Promise<number> {
  let parsed: { values: { help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`switchboard init: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (parsed.values.help === true) {
    console.log(HELP);
    return 0;
  }
  if (parsed.positionals.length > 1) {
    console.error(`switchboard init: one folder at most\n\n${HELP}`);
    return 2;
  }
  const dir = parsed.positionals[0] ?? '.';
  try {
    const result = initProject(dir);
    for (const file of result.written) console.log(`  wrote     ${file}`);
    for (const file of result.unchanged) console.log(`  unchanged ${file}`);
    for (const script of result.keptScripts) console.log(`  kept your package.json script '${script}'`);
    for (const dep of result.movedToDependencies)
      console.log(`  moved ${dep} from devDependencies to dependencies (the services import it at run time)`);
    const next = [
      'npm install, then `npx switchboard new service <name>` and `npm test`',
      `specs/${EXAMPLE_SERVICE.name}.yaml is an example to read: delete it once you have a service of your own`,
      `\`npm run diff\` compares specs with ${result.config.diffBase} (diffBase in switchboard.config.json)`,
      '`npx switchboard help` lists every command',
    ];
    console.log(`\nnext:\n${next.map((line) => `  - ${line}`).join('\n')}`);
    return 0;
  } catch (error) {
    if (
      error instanceof ScaffoldConflictError ||
      error instanceof ScaffoldWriteError ||
      error instanceof InitError ||
      error instanceof ConfigFileError
    ) {
      console.error(`switchboard init: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
