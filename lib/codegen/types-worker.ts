import { parentPort, workerData } from 'node:worker_threads';
import { typesText } from './emit-types.js';
import { SpecError } from './spec-error.js';
import { typesInput } from './types-input.js';
import type { TypesJob, TypesOutcome } from './types-job.js';

// Runs one TypesJob (see types-job.ts) and posts its outcome: the text, or the SpecError's parts.
const job = workerData as TypesJob;
let outcome: TypesOutcome;
try {
  outcome = { text: typesText(typesInput(job.doc), job.specPath, job.file) };
} catch (error) {
  if (!(error instanceof SpecError)) throw error;
  outcome = { rule: error.rule, message: error.message, file: job.file };
}
parentPort?.postMessage(outcome);
