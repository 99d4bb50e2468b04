import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type UnmaskedFile, unmaskTypeTests } from '../../helpers/expected-type-errors.js';

// `tsc` only proves that each `@ts-expect-error` in test/types meets some error: any mistake on that line
// (a typo, a renamed import) satisfies it. Here every directive must pin its error (TS code and part of the
// message), and the files, compiled with the directives neutralised, must give exactly that one error on
// each guarded line and none anywhere else.

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const TYPES = join(REPO, 'test/types');
const FILES = readdirSync(TYPES)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(TYPES, f));

let unmasked: Map<string, UnmaskedFile>;
beforeAll(() => {
  unmasked = new Map(unmaskTypeTests(REPO, FILES).map((u) => [u.file, u]));
});

describe.each(FILES.map((f) => [relative(REPO, f), f]))('%s', (_name, file) => {
  it('pins every @ts-expect-error to a TS code and a message', () => {
    const u = unmasked.get(file);
    expect(u?.unpinned).toEqual([]);
    expect(u?.expectations.length).toBeGreaterThan(0);
  });

  it('has exactly the pinned error on each guarded line and no other error', () => {
    const u = unmasked.get(file) as UnmaskedFile;
    const guarded = new Set(u.expectations.map((e) => e.line));
    const at = (line: number) => `line ${line + 1}`;
    const stray = u.diagnostics.filter((d) => !guarded.has(d.line));
    expect(stray.map((d) => `${at(d.line)}: TS${d.code} ${d.text}`)).toEqual([]);
    for (const e of u.expectations) {
      const found = u.diagnostics
        .filter((d) => d.line === e.line)
        .map((d) => ({ code: d.code, text: d.text }));
      expect({ [at(e.line)]: found }).toEqual({
        [at(e.line)]: [{ code: e.code, text: expect.stringContaining(e.fragment) }],
      });
    }
  });
});
