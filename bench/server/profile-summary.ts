/**
 * Summarises a V8 `.cpuprofile` (from `SWITCHBOARD_BENCH_CPU_PROF=<dir> npx tsx bench/run.ts server`): self and
 * inclusive time per function and self time per package, over the samples after the first `--skip` seconds
 * (start-up and module loading). Usage: `npx tsx bench/server/profile-summary.ts <file> [--skip 3] [--top 40]`.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { skip: { type: 'string', default: '3' }, top: { type: 'string', default: '40' } },
});
const file = positionals[0];
if (file === undefined) {
  console.error('usage: profile-summary.ts <file.cpuprofile> [--skip seconds] [--top n]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const skipUs = Number(values.skip) * 1e6;
const top = Number(values.top);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const where = (n: ProfileNode) => {
  const { url, lineNumber } = n.callFrame;
  const short = url.replace(/^file:\/\/.*?\/(node_modules|lib|bench|generated)\//, '$1/');
  return `${n.callFrame.functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
};
const pkg = (n: ProfileNode) => {
  const { url, functionName } = n.callFrame;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m?.[1] !== undefined) return m[1];
  if (url.startsWith('node:')) return 'node core (js)';
  if (/\/(lib|generated|bench)\//.test(url))
    return `switchboard ${/\/(lib\/[^/]+|generated|bench)\//.exec(url)?.[1]}`;
  if (url === '') return functionName.startsWith('(') ? functionName : 'native / builtin';
  return url;
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const perPkg = new Map<string, number>();
let elapsed = 0;
let counted = 0;
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
for (const [i, id] of profile.samples.entries()) {
  const dt = profile.timeDeltas[i] ?? 0;
  elapsed += dt;
  if (elapsed < skipUs) continue;
  counted += dt;
  const node = byId.get(id);
  if (node === undefined) continue;
  add(self, where(node), dt);
  add(perPkg, pkg(node), dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur);
    if (n === undefined) break;
    const key = where(n);
    if (!seen.has(key)) add(inclusive, key, dt);
    seen.add(key);
  }
}

const pct = (v: number) => `${((100 * v) / counted).toFixed(1).padStart(5)}%`;
const list = (title: string, m: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${pct(v)}  ${k}`);
};
console.log(`${file}: ${(counted / 1e6).toFixed(2)} s of samples after the first ${values.skip} s`);
list('self time by package', perPkg, 25);
list('self time by function', self, top);
list('inclusive time by function', inclusive, top);
