import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { generate, type ProgressEvent } from '../codegen/generate.js';
import { SpecErrors } from '../codegen/spec-error.js';
import { OutputConflictError } from '../codegen/write-output.js';
import { readProjectConfig } from '../scaffold/project-config.js';

const HELP = `usage: switchboard generate [--specs DIR] [--out DIR] [--force] [--check] [--skip-unsupported]

Generates types.ts, client.ts, server.ts and fake.ts per service spec.
  --specs DIR           folder of OpenAPI 3.0/3.1 specs (default: specs)
  --out DIR             output folder (default: generated)
  --force               regenerate every spec, even unchanged ones
  --check               write nothing; exit 1 listing every file that differs from what would be generated
  --skip-unsupported    generate every other operation when some use a construct the generator cannot
                        emit yet, with one warning per skipped operation, and leave out (of fakes) every
                        example that does not match its schema, with one warning each
                        (default: refuse the spec)
An operation marked \`x-switchboard-skip: true\` in the spec is always left out, with a warning.`;

/** `switchboard generate`: exit 0 on success, 1 on spec problems or drift (--check), 2 on bad usage. */
export async function generateCommand(args: string[]): Promise<number> {
  let values: {
    specs: string;
    out: string;
    force: boolean;
    check: boolean;
    'skip-unsupported': boolean;
    help: boolean;
  };
  try {
    const config = readProjectConfig();
    values = parseArgs({
      args,
      options: {
        specs: { type: 'string', default: config.specs },
        out: { type: 'string', default: config.out },
        force: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        'skip-unsupported': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values as typeof values;
  } catch (error) {
    console.error(`switchboard generate: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const started = performance.now();
  const cwd = process.cwd();
  try {
    const report = await generate({
      specsDir: values.specs,
      outDir: values.out,
      force: values.force,
      check: values.check,
      skipUnsupported: values['skip-unsupported'],
      onProgress: values.check ? undefined : printProgress,
    } as Parameters<typeof generate>[0]);
    for (const w of report.warnings) console.error(w.format((f) => relative(cwd, f) || f, 'warning'));
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (values.check) {
      if (report.differences.length === 0) {
        console.log(`${values.out}/ is up to date with ${values.specs}/ (${seconds} s)`);
        return 0;
      }
      console.error(`${values.out}/ differs from what ${values.specs}/ generates:`);
      for (const line of report.differences) console.error(`  ${line}`);
      console.error('run `npx switchboard generate` and commit the result');
      return 1;
    }
    const count = (s: ProgressEvent['status']) => report.events.filter((e) => e.status === s).length;
    const examples = report.warnings.filter((w) => w.rule === 'invalid-example').length;
    const operations = report.warnings.length - examples;
    const skipped =
      (operations === 0 ? '' : `, ${operations} operation(s) skipped`) +
      (examples === 0 ? '' : `, ${examples} invalid example(s) left out`);
    console.log(
      `switchboard: ${count('generated')} generated, ${count('unchanged')} unchanged, ${count('removed')} removed into ${values.out}/ in ${seconds} s${skipped}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SpecErrors) {
      for (const e of error.errors) console.error(e.format((f) => relative(cwd, f) || f));
      console.error(`switchboard: ${error.message}; nothing was written`);
      if (error.errors.some((e) => e.rule === 'unsupported-construct'))
        console.error('switchboard: --skip-unsupported generates the other operations, skipping these');
      if (error.errors.some((e) => e.rule === 'invalid-example'))
        console.error('switchboard: --skip-unsupported generates anyway, leaving the invalid examples out');
      return 1;
    }
    if (error instanceof OutputConflictError) {
      console.error(`switchboard: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function printProgress(e: ProgressEvent): void {
  const detail =
    e.status === 'generated'
      ? `${String(e.operations ?? 0).padStart(3)} operations ${e.ms.toFixed(0).padStart(5)} ms`
      : '';
  console.log(`  ${e.status.padEnd(9)} ${e.service.padEnd(28)} ${detail}`.trimEnd());
}
