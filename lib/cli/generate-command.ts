import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { generate, type ProgressEvent } from '../codegen/generate.js';
import { SpecErrors } from '../codegen/spec-error.js';
import { OutputConflictError } from '../codegen/write-output.js';
import { readProjectConfig } from '../scaffold/project-config.js';

const HELP = `usage: switchboard generate [--specs DIR] [--out DIR] [--force] [--check]

Generates types.ts, client.ts, server.ts and fake.ts per service spec.
  --specs DIR   folder of OpenAPI 3.0/3.1 specs (default: specs)
  --out DIR     output folder (default: generated)
  --force       regenerate every spec, even unchanged ones
  --check       write nothing; exit 1 listing every file that differs from what would be generated`;

/** `switchboard generate`: exit 0 on success, 1 on spec problems or drift (--check), 2 on bad usage. */
export async function generateCommand(args: string[]): Promise<number> {
  let values: { specs: string; out: string; force: boolean; check: boolean; help: boolean };
  try {
    const config = readProjectConfig();
    values = parseArgs({
      args,
      options: {
        specs: { type: 'string', default: config.specs },
        out: { type: 'string', default: config.out },
        force: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
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
      onProgress: values.check ? undefined : printProgress,
    } as Parameters<typeof generate>[0]);
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
    console.log(
      `switchboard: ${count('generated')} generated, ${count('unchanged')} unchanged, ${count('removed')} removed into ${values.out}/ in ${seconds} s`,
    );
    return 0;
  } catch (error) {
    if (error instanceof SpecErrors) {
      for (const e of error.errors) console.error(e.format((f) => relative(cwd, f) || f));
      console.error(`switchboard: ${error.message}; nothing was written`);
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
