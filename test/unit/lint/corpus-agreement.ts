/**
 * Measures lint against verify over real specs: `npx tsx test/unit/lint/corpus-agreement.ts [spec...]`
 * (default: every spec in ../shared/corpora/real-specs). For each operation it lists the statuses verify's
 * planned cases need that the spec leaves undocumented, and whether lint reports the matching rule there.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareWithLint, type OperationDemands } from './verify-demands.js';

const CORPUS = '../shared/corpora/real-specs';
const RULE_OF: Record<number, string> = {
  400: 'switchboard/validated-input-documents-400',
  401: 'switchboard/secured-documents-401',
  200: 'operation-2xx-response',
};

function corpusSpecs(): string[] {
  return readdirSync(CORPUS)
    .filter((d) => statSync(join(CORPUS, d)).isDirectory())
    .flatMap((d) =>
      readdirSync(join(CORPUS, d))
        .filter((f) => f.startsWith(d) && /\.(ya?ml|json)$/.test(f))
        .map((f) => join(CORPUS, d, f)),
    );
}

function count(rows: OperationDemands[]) {
  const failing = rows.filter((r) => r.undocumented.length > 0);
  const missed = failing.filter((r) => r.undocumented.some((s) => !r.flaggedBy.includes(RULE_OF[s] ?? '')));
  const byStatus = Object.fromEntries(
    Object.keys(RULE_OF).map((s) => [s, failing.filter((r) => r.undocumented.includes(Number(s))).length]),
  );
  // Before the 400 and 2xx rules lint demanded only the 401: these operations passed it on the rest.
  const newlyCaught = failing.filter((r) => r.undocumented.some((s) => s !== 401)).length;
  const stricter = rows.filter((r) => r.undocumented.length === 0 && r.flaggedBy.length > 0).length;
  return { operations: rows.length, failing: failing.length, byStatus, newlyCaught, missed, stricter };
}

const specs = process.argv.length > 2 ? process.argv.slice(2) : corpusSpecs();
for (const spec of specs) {
  const started = performance.now();
  try {
    const c = count(await compareWithLint(spec, 20));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `${spec}: ${c.operations} ops; verify would fail ${c.failing} (undocumented 400: ${c.byStatus[400]}, ` +
        `401: ${c.byStatus[401]}, 2xx: ${c.byStatus[200]}); lint flags them all now: ${c.missed.length === 0} ` +
        `(missed ${c.missed.map((r) => r.operationId).join(', ') || 'none'}); undocumented 400/2xx lint missed before: ${c.newlyCaught}; ` +
        `lint stricter than verify on ${c.stricter} ops [${seconds} s]\n`,
    );
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? '';
    const stage = message.startsWith('lint failed') ? '' : 'verify cannot load it: ';
    process.stdout.write(`${spec}: ${stage}${message}\n`);
  }
}
