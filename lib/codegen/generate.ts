import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { emitIndex } from './emit-index.js';
import { generatorFingerprint } from './fingerprint.js';
import { MANIFEST_FILE, type Manifest, readManifest, serializeManifest, sha256 } from './manifest.js';
import type { SkippedOperation } from './operation-model.js';
import { exampleNotice, type SkipNotice, skipNotice, skipWarning } from './skip-notice.js';
import { SpecError, SpecErrors } from './spec-error.js';
import { TOOLKIT_PACKAGE } from './toolkit-root.js';
import { type OutputPlan, writeOutput } from './write-output.js';

/** Options of one generation. */
export interface GenerateOptions {
  /** Folder of spec files (`*.yaml`, `*.yml`, `*.json`). */
  specsDir: string;
  /** Output folder; one sub-folder per service plus `index.ts`. */
  outDir: string;
  /** Regenerate every spec even when unchanged. Default false. */
  force?: boolean;
  /** Write nothing; report what differs from what would be generated. Default false. */
  check?: boolean;
  /**
   * Generate every other operation when some use constructs the generator cannot emit, with one warning per
   * skipped operation, instead of failing; likewise leave out (of fakes) every example that does not match
   * its schema, with one warning each. Operations marked `x-switchboard-skip: true` are skipped either way.
   * Default false.
   */
  skipUnsupported?: boolean;
  /** Called once per service as it is generated, skipped or removed. */
  onProgress?: (event: ProgressEvent) => void;
}

/** One service's outcome. */
export interface ProgressEvent {
  service: string;
  status: 'generated' | 'unchanged' | 'removed';
  ms: number;
  operations?: number;
}

/** What a generation did; in check mode, `differences` lists every path that would change. */
export interface GenerateReport {
  events: ProgressEvent[];
  differences: string[];
  /**
   * One warning per operation left out, located at its first reason (rule `x-switchboard-skip` or
   * `unsupported-construct`), and one per invalid example left out (rule `invalid-example`, located at the
   * offending value); also for services that were unchanged, from the manifest.
   */
  warnings: SpecError[];
}

const SPEC_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Generates every service spec in `specsDir` into `outDir`. Unchanged specs (by content hash of every file
 * they read, and of the generator) are skipped; outputs of deleted specs are removed. Throws SpecErrors
 * listing every problem when any spec cannot be generated, before anything is written.
 */
export async function generate(options: GenerateOptions): Promise<GenerateReport> {
  const specsDir = resolve(options.specsDir);
  const outDir = resolve(options.outDir);
  const root = dirname(outDir);
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  const files = listSpecFiles(specsDir);
  const hashes = new Map(files.map((f) => [f, sha256(readFileSync(f))]));
  const fingerprint = generatorFingerprint();
  const full = options.force === true || options.check === true;
  const previous = full ? undefined : readManifest(outDir);
  const fresh = previous?.generator === fingerprint ? previous : undefined;

  const manifest: Manifest = { generator: fingerprint, files: {}, services: {} };
  const dirty: { path: string; name: string }[] = [];
  const events: ProgressEvent[] = [];
  let loader: import('./spec-loader.js').SpecLoader | undefined;
  let heavy: typeof import('./build-service.js') | undefined;
  // The parsers and openapi-typescript load only when some spec must be read: a no-op run stays fast.
  const build = async () => {
    heavy ??= await import('./build-service.js');
    loader ??= new heavy.SpecLoader();
    return { ...heavy, loader };
  };
  const errors: SpecError[] = [];
  const warnings: SpecError[] = [];
  const names = new Map<string, string>();
  const skipUnsupported = options.skipUnsupported === true;

  for (const file of files) {
    const known = fresh?.files[rel(file)];
    let service: string | null;
    if (known !== undefined && known.sha === hashes.get(file)) service = known.service;
    else {
      try {
        const { isServiceSpec, loader } = await build();
        service = isServiceSpec(loader, file) ? basename(file, extname(file)) : null;
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        errors.push(error);
        continue;
      }
    }
    manifest.files[rel(file)] = { sha: hashes.get(file) ?? '', service };
    if (service === null) continue;
    const clash = names.get(service);
    if (clash !== undefined) {
      errors.push(
        new SpecError(
          'duplicate-service',
          `service '${service}' is also defined by ${rel(clash)}`,
          { file },
          'keep one spec file per service name',
        ),
      );
      continue;
    }
    names.set(service, file);
    const before = fresh?.services[service];
    // A service generated with unsupported operations skipped is regenerated (and refused) without the flag.
    const allowed = skipUnsupported || !(before?.skipped ?? []).some((s) => s.unsupported);
    if (before !== undefined && allowed && upToDate(before, root, outDir, service)) {
      manifest.services[service] = before;
      for (const notice of before.skipped ?? []) warnings.push(skipWarning(notice, root));
      events.push({ service, status: 'unchanged', ms: 0 });
      options.onProgress?.(events.at(-1) as ProgressEvent);
    } else dirty.push({ path: file, name: service });
  }

  const plan: OutputPlan = { services: {}, remove: [], root: {} };
  for (const { path, name } of dirty) {
    const started = performance.now();
    try {
      const { buildService, loader } = await build();
      const built = await buildService(loader, path, name, rel(path), TOOLKIT_PACKAGE.name, {
        skipUnsupported,
      });
      plan.services[name] = built.files;
      manifest.services[name] = {
        spec: rel(path),
        inputs: Object.fromEntries(built.inputs.map((f) => [rel(f), sha256(readFileSync(f))])),
        outputs: Object.fromEntries(Object.entries(built.files).map(([f, c]) => [f, sha256(c)])),
        ...skippedEntry(built.skipped, built.invalidExamples, rel),
      };
      for (const notice of manifest.services[name].skipped ?? []) warnings.push(skipWarning(notice, root));
      events.push({
        service: name,
        status: 'generated',
        ms: performance.now() - started,
        operations: built.operations,
      });
      options.onProgress?.(events.at(-1) as ProgressEvent);
    } catch (error) {
      if (error instanceof SpecError) errors.push(error);
      else if (Array.isArray(error)) errors.push(...(error as SpecError[]));
      else throw error;
    }
  }
  if (errors.length > 0) throw new SpecErrors(errors);

  const ownedBefore = previous?.services ?? readManifest(outDir)?.services ?? {};
  for (const service of Object.keys(ownedBefore)) {
    if (manifest.services[service] === undefined && existsSync(join(outDir, service))) {
      plan.remove.push(service);
      events.push({ service, status: 'removed', ms: 0 });
      options.onProgress?.(events.at(-1) as ProgressEvent);
    }
  }
  plan.root['index.ts'] = emitIndex(Object.keys(manifest.services));
  plan.root[MANIFEST_FILE] = serializeManifest(manifest);
  if (options.check === true) return { events, differences: diffOutput(outDir, plan, rel), warnings };
  const changed =
    plan.remove.length > 0 ||
    Object.keys(plan.services).length > 0 ||
    diffOutput(outDir, { services: {}, remove: [], root: plan.root }, rel).length > 0;
  if (changed) writeOutput(outDir, plan);
  return { events, differences: [], warnings };
}

/** The manifest's record of what was left out (operations, then examples); no key when nothing was. */
function skippedEntry(
  skipped: SkippedOperation[],
  invalidExamples: SpecError[],
  rel: (p: string) => string,
): { skipped?: SkipNotice[] } {
  const notices = [
    ...skipped.map((s) => skipNotice(s, rel)),
    ...invalidExamples.map((e) => exampleNotice(e, rel)),
  ];
  return notices.length === 0 ? {} : { skipped: notices };
}

function listSpecFiles(dir: string): string[] {
  if (!existsSync(dir))
    throw new SpecErrors([
      new SpecError('specs-folder', `specs folder ${dir} does not exist`, { file: dir }, 'pass --specs DIR'),
    ]);
  return readdirSync(dir)
    .filter((f) => SPEC_EXTENSIONS.has(extname(f)) && !f.startsWith('.'))
    .sort()
    .map((f) => join(dir, f));
}

function upToDate(
  entry: Manifest['services'][string],
  root: string,
  outDir: string,
  service: string,
): boolean {
  for (const [file, sha] of Object.entries(entry.inputs)) {
    const path = join(root, file);
    if (!existsSync(path) || sha256(readFileSync(path)) !== sha) return false;
  }
  for (const [file, sha] of Object.entries(entry.outputs)) {
    const path = join(outDir, service, file);
    if (!existsSync(path) || sha256(readFileSync(path)) !== sha) return false;
  }
  return true;
}

/** Every path under `outDir` that differs from `plan` (changed, missing, or stale). */
function diffOutput(outDir: string, plan: OutputPlan, rel: (p: string) => string): string[] {
  const out: string[] = [];
  const compare = (path: string, content: string) => {
    if (!existsSync(path)) out.push(`missing  ${rel(path)}`);
    else if (readFileSync(path, 'utf8') !== content) out.push(`changed  ${rel(path)}`);
  };
  for (const [service, files] of Object.entries(plan.services)) {
    for (const [name, content] of Object.entries(files)) compare(join(outDir, service, name), content);
    const dir = join(outDir, service);
    if (existsSync(dir))
      for (const name of readdirSync(dir))
        if (files[name] === undefined) out.push(`stale    ${rel(join(dir, name))}`);
  }
  for (const service of plan.remove) out.push(`stale    ${rel(join(outDir, service))}/`);
  for (const [name, content] of Object.entries(plan.root)) compare(join(outDir, name), content);
  return out;
}
