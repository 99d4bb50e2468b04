import { type Dirent, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { DiffReport } from './change.js';

/** Where consumers live, relative to the project root: service code and the consumer contract tests. */
const CONSUMER_DIRS = ['services', join('test', 'contract', 'consumers')];

/** Files read at most, so a stray huge folder cannot stall the gate. */
const MAX_FILES = 5_000;

/** A TypeScript file of the project, with its text split into lines once. */
interface SourceFile {
  /** Relative to the root, `/`-separated. */
  path: string;
  lines: string[];
  text: string;
}

/**
 * Names who calls each breaking (or allowed, or warning) change to an operation: every call of the
 * generated client method named after the operation (`.getLlmKeys(`) in `services/**` (except the service's
 * own folder) and `test/contract/consumers/**`, in files that import that service's generated client
 * (`generated/<service>/`). Sets `consumers` (`file:line`, relative to `root`; empty when none calls it) on
 * those changes. `root` is the project root (default: the working folder).
 */
export function attachConsumers(report: DiffReport, root: string = process.cwd()): void {
  const files = readSources(root);
  const targets = report.changes.filter((c) => c.method !== undefined && c.severity !== 'info');
  const cache = new Map<string, string[]>();
  for (const change of targets) {
    const key = `${change.service} ${change.method}`;
    let found = cache.get(key);
    if (found === undefined) {
      found = callsOf(files, change.service, change.method ?? '');
      cache.set(key, found);
    }
    change.consumers = found;
  }
}

/** `file:line` of every call of `.method(` in files that import `generated/<service>/`, outside the service. */
export function callsOf(files: readonly SourceFile[], service: string, method: string): string[] {
  const call = new RegExp(`\\.${method.replace(/[$]/g, '\\$')}\\s*\\(`);
  const own = `services/${service}/`;
  const out: string[] = [];
  for (const file of files) {
    if (file.path.startsWith(own) || !file.text.includes(`generated/${service}/`)) continue;
    for (const [i, line] of file.lines.entries()) {
      const code = line.trimStart();
      if (code.startsWith('//') || code.startsWith('*')) continue;
      if (call.test(line)) out.push(`${file.path}:${i + 1}`);
    }
  }
  return out;
}

/**
 * Every `.ts` file under the consumer folders of `root`, skipping `node_modules`, dot folders and symbolic
 * links (a loop or a dangling one must not stop the report); a folder or file that cannot be read is skipped.
 */
export function readSources(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const entry of entries) {
      if (out.length >= MAX_FILES) return;
      const name = entry.name;
      if (name.startsWith('.') || name === 'node_modules' || entry.isSymbolicLink()) continue;
      const path = join(dir, name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && name.endsWith('.ts')) {
        let text: string;
        try {
          text = readFileSync(path, 'utf8');
        } catch {
          continue;
        }
        out.push({ path: relative(root, path).split(sep).join('/'), lines: text.split('\n'), text });
      }
    }
  };
  for (const dir of CONSUMER_DIRS) {
    const path = join(root, dir);
    if (existsSync(path) && statSync(path).isDirectory()) walk(path);
  }
  return out;
}
