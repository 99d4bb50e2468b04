import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { SpecError, SpecErrors } from '../codegen/spec-error.js';
import {
  attachConsumers,
  compareFiles,
  compareFolders,
  DiffInputError,
  type DiffReport,
  failsAt,
  formatMarkdown,
  formatReport,
  reportJson,
  SEVERITIES,
  type Severity,
  type ShowPath,
  snapshotSpecs,
} from '../contract/diff/index.js';
import { readProjectConfig } from '../scaffold/project-config.js';

const HELP = `usage: switchboard diff <base.yaml> <head.yaml> [--fail-on LEVEL] [--format FORMAT]
       switchboard diff --base <git-ref> [--specs DIR] [--fail-on LEVEL] [--format FORMAT]

Compares two versions of service contracts and grades every change as breaking, warning (may break,
depending on what a caller sends or how a consumer reads) or info, with its rule id, file:line in both
versions and why. For a breaking change (or warning) to an operation, names the calls of its generated
client method in services/ and test/contract/consumers/ of the working folder.
With --base, every spec in the specs folder at the git ref is compared with the working tree;
a deleted spec file (a whole service) is breaking, a new one compatible. Breaking changes to a
service whose info.version major went up are reported as allowed.
  --base REF        git ref (commit, branch, tag) to compare the working tree's specs with
  --specs DIR       specs folder (default: specs), with --base
  --fail-on LEVEL   breaking (default), warning or info: the least serious change that exits 1
  --format FORMAT   text (default), markdown (a pull-request comment: a table per service) or json
  --json            the same as --format json: {"breaking", "compatible", "allowed", "summary"}
Exit codes: 0 nothing at or above --fail-on (allowed changes never fail), 1 otherwise, 2 bad input.`;

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface Options {
  base: string | undefined;
  specs: string;
  format: Format;
  failOn: Severity;
  files: string[];
}

/**
 * `switchboard diff`: exit 0 when no change reaches `--fail-on` (default breaking), 1 when one does, 2 on
 * bad usage or unreadable input.
 */
export async function diffCommand(args: string[]): Promise<number> {
  const options = readOptions(args);
  if (typeof options === 'number') return options;
  const started = performance.now();
  const cwd = process.cwd();
  const rel = (file: string) => relative(cwd, file).split(sep).join('/') || file;
  let show: ShowPath = rel;
  let report: DiffReport;
  try {
    if (options.base === undefined) report = compareInputs(options.files, rel);
    else {
      const snapshot = snapshotSpecs(options.base, options.specs, cwd);
      // Base files live in a temp folder; messages name them `<ref>:specs/<file>`.
      show = (file) =>
        file.startsWith(snapshot.dir)
          ? `${snapshot.label}${file.slice(snapshot.dir.length).split(sep).join('/')}`
          : rel(file);
      try {
        report = compareFolders(snapshot.dir, resolve(cwd, options.specs), show);
      } finally {
        snapshot.dispose();
      }
    }
  } catch (error) {
    return badInput(error, show);
  }
  attachConsumers(report, cwd);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const fails = failsAt(report, options.failOn);
  if (options.format === 'json') console.log(reportJson(report, options.failOn));
  else if (options.format === 'markdown') console.log(formatMarkdown(report, options.failOn));
  else {
    for (const line of formatReport(report)) console.log(line);
    const { breaking, compatible, allowed } = report;
    const warnings = compatible.filter((c) => c.severity === 'warning').length;
    console.log(
      `switchboard diff: ${breaking.length} breaking, ${warnings} warning${warnings === 1 ? '' : 's'}, ${allowed.length} allowed by a major version bump, ${compatible.length - warnings} compatible across ${report.services} service${report.services === 1 ? '' : 's'} in ${seconds} s`,
    );
    if (breaking.length > 0) {
      console.log('breaking changes need a new operation or path, or a major bump of info.version');
    }
    if (fails && breaking.length === 0)
      console.log(`failing: changes at or above --fail-on ${options.failOn}`);
  }
  return fails ? 1 : 0;
}

function compareInputs([base, head]: string[], rel: ShowPath): DiffReport {
  if (base === undefined || head === undefined) throw new DiffInputError('two specs are needed');
  const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
  if (isDir(base) && isDir(head)) return compareFolders(base, head, rel);
  return compareFiles(base, head, rel);
}

function readOptions(args: string[]): Options | number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    console.error(`switchboard diff: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    console.log(HELP);
    return 0;
  }
  const failOn = values['fail-on'] ?? 'breaking';
  const format = values.json === true ? 'json' : (values.format ?? 'text');
  if (!isOneOf(SEVERITIES, failOn) || !isOneOf(FORMATS, format)) {
    const reason = isOneOf(SEVERITIES, failOn)
      ? `--format takes ${FORMATS.join(', ')}, not '${format}'`
      : `--fail-on takes ${SEVERITIES.join(', ')}, not '${failOn}'`;
    console.error(`switchboard diff: ${reason}\n\n${HELP}`);
    return 2;
  }
  const withRef = values.base !== undefined;
  if (withRef ? positionals.length > 0 : positionals.length !== 2 || values.specs !== undefined) {
    const reason = withRef
      ? '--base takes no spec files'
      : 'pass two spec files, or --base REF [--specs DIR]';
    console.error(`switchboard diff: ${reason}\n\n${HELP}`);
    return 2;
  }
  return {
    base: values.base,
    specs: values.specs ?? readProjectConfig().specs,
    format,
    failOn,
    files: positionals,
  };
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      base: { type: 'string' },
      specs: { type: 'string' },
      json: { type: 'boolean' },
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function badInput(error: unknown, rel: ShowPath): number {
  if (error instanceof SpecError) console.error(error.format(rel));
  else if (error instanceof SpecErrors) for (const e of error.errors) console.error(e.format(rel));
  else if (error instanceof DiffInputError) console.error(`switchboard diff: ${error.message}`);
  else throw error;
  console.error('switchboard diff: cannot compare; fix the input above (exit 2)');
  return 2;
}
