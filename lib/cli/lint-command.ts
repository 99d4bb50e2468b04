import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { countProblems, formatProblems, lintSpecs } from '../lint/index.js';
import { readProjectConfig } from '../scaffold/project-config.js';

const USAGE = `usage: switchboard lint [--specs DIR] [--json] [FILE...]

Checks OpenAPI specs against the Switchboard conventions (rules switchboard/*) and Redocly's
structural checks. Exits 0 when there are no errors, 1 when there are, 2 on bad usage.

options:
  --specs DIR   lint every .yaml/.yml file in DIR (default: specs)
  --json        print {"problems": [...], "errors": n, "warnings": n} instead of text
  -h, --help    show this help
  FILE...       lint these files instead of a folder`;

type Usage = { files: string[]; json: boolean } | { exitCode: number; message: string };

/** Reads the arguments into the files to lint, or a usage error/help text with its exit code. */
function readArgs(args: string[]): Usage {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { exitCode: 2, message: `switchboard lint: ${reason}\n\n${USAGE}` };
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { exitCode: 0, message: USAGE };
  if (values.specs !== undefined && positionals.length > 0) {
    return { exitCode: 2, message: 'switchboard lint: pass either --specs DIR or files, not both' };
  }
  const json = values.json === true;
  if (positionals.length > 0) {
    const missing = positionals.find((file) => !existsSync(file) || !statSync(file).isFile());
    if (missing !== undefined) return { exitCode: 2, message: `switchboard lint: no such file '${missing}'` };
    return { files: positionals, json };
  }
  const dir = values.specs ?? readProjectConfig().specs;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      exitCode: 2,
      message: `switchboard lint: specs folder '${dir}' does not exist (use --specs DIR)`,
    };
  }
  const files = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('.'))
    .sort()
    .map((name) => join(dir, name));
  if (files.length === 0) return { exitCode: 2, message: `switchboard lint: no .yaml files in '${dir}'` };
  return { files, json };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { specs: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
}

/**
 * `switchboard lint`: lints `specs/*.yaml` (or `--specs DIR`, or the given files) and prints one line
 * per problem plus a summary. Resolves to 0 without errors, 1 with errors, 2 on bad usage.
 */
export async function lintCommand(args: string[]): Promise<number> {
  const usage = readArgs(args);
  if ('exitCode' in usage) {
    if (usage.exitCode === 0) console.log(usage.message);
    else console.error(usage.message);
    return usage.exitCode;
  }
  const problems = await lintSpecs(usage.files);
  const { errors, warnings } = countProblems(problems);
  if (usage.json) {
    const cwd = process.cwd();
    const shown = problems.map((p) => ({ ...p, file: relative(cwd, p.file) }));
    console.log(JSON.stringify({ problems: shown, errors, warnings }, null, 2));
  } else {
    console.log(formatProblems(problems, process.cwd()));
  }
  return errors > 0 ? 1 : 0;
}
