import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { isGenerated } from './header.js';

/** What one generation changes in the output folder. */
export interface OutputPlan {
  /** Service folders to (re)write, each with all of its files. */
  services: Record<string, Record<string, string>>;
  /** Service folders to remove (their spec is gone). */
  remove: string[];
  /** Files at the top of the output folder (index.ts, the manifest). */
  root: Record<string, string>;
}

/** A file in the output folder that the generator did not write and will not overwrite or delete. */
export class OutputConflictError extends Error {
  override readonly name = 'OutputConflictError';
}

/**
 * Applies `plan` to `outDir` all or nothing: every file is first written to a staging folder inside
 * `outDir`, then whole service folders are swapped in by rename. Refuses, before touching anything, when
 * a folder or file it would replace holds something it did not generate.
 */
export function writeOutput(outDir: string, plan: OutputPlan): void {
  mkdirSync(outDir, { recursive: true });
  assertOwned(outDir, [...Object.keys(plan.services), ...plan.remove], Object.keys(plan.root));
  const staging = mkdtempSync(join(outDir, '.tmp-switchboard-'));
  try {
    for (const [service, files] of Object.entries(plan.services)) {
      mkdirSync(join(staging, service));
      for (const [name, content] of Object.entries(files))
        writeFileSync(join(staging, service, name), content);
    }
    for (const [name, content] of Object.entries(plan.root))
      writeFileSync(join(staging, `root-${name}`), content);
    for (const service of [...Object.keys(plan.services), ...plan.remove]) {
      if (existsSync(join(outDir, service)))
        renameSync(join(outDir, service), join(staging, `old-${service}`));
      if (plan.services[service] !== undefined) renameSync(join(staging, service), join(outDir, service));
    }
    for (const name of Object.keys(plan.root)) renameSync(join(staging, `root-${name}`), join(outDir, name));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function assertOwned(outDir: string, serviceDirs: string[], rootFiles: string[]): void {
  const foreign: string[] = [];
  for (const service of serviceDirs) {
    const dir = join(outDir, service);
    if (!existsSync(dir)) continue;
    if (!statSync(dir).isDirectory()) {
      foreign.push(dir);
      continue;
    }
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (!statSync(path).isFile() || !isGenerated(readFileSync(path, 'utf8').slice(0, 200)))
        foreign.push(path);
    }
  }
  for (const name of rootFiles) {
    const path = join(outDir, name);
    if (name.endsWith('.ts') && existsSync(path) && !isGenerated(readFileSync(path, 'utf8').slice(0, 200)))
      foreign.push(path);
  }
  if (foreign.length > 0) {
    throw new OutputConflictError(
      `refusing to overwrite or delete files switchboard did not generate:\n${foreign.map((f) => `  ${f}`).join('\n')}\n` +
        'move them out of the output folder (generated files start with "// @generated"), then run again',
    );
  }
}
