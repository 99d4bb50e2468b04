import { Worker } from 'node:worker_threads';
import type { Bundle } from './bundle.js';
import { SpecError } from './spec-error.js';

/** What a types worker is given: the bundled document, and where it came from. */
export interface TypesJob {
  doc: Bundle['doc'];
  specPath: string;
  file: string;
}

/** What a types worker answers: the text of `types.ts`, or the SpecError that refused the spec. */
export type TypesOutcome = { text: string } | { rule: string; message: string; file: string };

/** `types.ts` of one service, being made while the rest of the service is generated. */
export interface PendingTypes {
  /** The text; rejects with a SpecError when openapi-typescript refuses the spec. */
  text(): Promise<string>;
  /** Stops the work when the service fails for another reason first. */
  cancel(): void;
  /** Whether a worker thread makes it. */
  inWorker: boolean;
}

/**
 * Spec source (bytes of every file the bundle read) from which `types.ts` is made in a worker thread, in
 * parallel with the route tables, client and validation, instead of after them. Default 1 MB; the
 * `SWITCHBOARD_TYPES_WORKER_MIN_BYTES` variable overrides it. Below it the worker's start-up costs more than
 * it saves.
 */
export const TYPES_WORKER_MIN_BYTES = 1_000_000;

const WORKER = new URL('./types-worker.js', import.meta.url);

/**
 * Starts making `types.ts` for `bundle`: in a worker thread for a big spec when running compiled (a worker
 * cannot load the TypeScript sources without a loader), otherwise in this thread when `text()` is called. The
 * output is the same either way.
 */
export function startTypes(bundle: Bundle, specPath: string): PendingTypes {
  const bytes = bundle.files.reduce((sum, file) => sum + file.text.length, 0);
  const given = Number(process.env.SWITCHBOARD_TYPES_WORKER_MIN_BYTES);
  const threshold = Number.isFinite(given) && given >= 0 ? given : TYPES_WORKER_MIN_BYTES;
  if (bytes < threshold || !import.meta.url.endsWith('.js'))
    // Imported when needed: openapi-typescript loads TypeScript, which a thread that hands types to a worker
    // need not load at all.
    return {
      text: async () => (await import('./emit-types.js')).emitTypes(bundle, specPath),
      cancel: () => {},
      inWorker: false,
    };
  // The worker runs typesInput itself: this thread then never loads openapi-typescript (nor TypeScript).
  const job: TypesJob = { doc: bundle.doc, specPath, file: bundle.entry.path };
  const worker = new Worker(WORKER, { workerData: job });
  const text = new Promise<string>((resolve, reject) => {
    worker.once('message', (outcome: TypesOutcome) => {
      if ('text' in outcome) resolve(outcome.text);
      else reject(new SpecError(outcome.rule, outcome.message, { file: outcome.file }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the types worker exited (${code}) without an answer`)));
  });
  // Settled or not, a failure of the service elsewhere must not leave an unhandled rejection behind.
  text.catch(() => {});
  return { text: () => text, cancel: () => void worker.terminate(), inWorker: true };
}
