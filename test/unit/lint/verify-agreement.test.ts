import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintSpecs } from '../../../lib/lint/index.js';
import { compareWithLint } from './verify-demands.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/lint/${name}`, import.meta.url));
const specs = readdirSync('specs')
  .filter((f) => f.endsWith('.yaml') && f !== 'common.yaml')
  .map((f) => `specs/${f}`);

/** Operation → the statuses verify's plan needs undocumented, and the lint rules reported there. */
async function table(spec: string) {
  const rows = await compareWithLint(spec);
  return Object.fromEntries(rows.map((r) => [r.operationId, `${r.undocumented} | ${r.flaggedBy}`]));
}

describe('lint demands what verify demands', () => {
  it('flags each operation whose planned cases need an undocumented status, by the matching rule', async () => {
    expect(await table(fixture('verify-agreement.yaml'))).toEqual({
      getNote: '401 | switchboard/secured-documents-401',
      createNote: '400 | switchboard/validated-input-documents-400',
      getLegacy: '200 | operation-2xx-response',
      searchNotes: ' | ',
      getHealth: ' | ',
    });
  });

  it('flags the malformed-path-param case the issue reports (GET with a pattern, no 400)', async () => {
    expect(await table(fixture('bad-validated-input-documents-400.yaml'))).toEqual({
      getUser: '400 | switchboard/validated-input-documents-400',
      deleteUser: ' | ',
      putUser: ' | ',
      listUsers: '400 | switchboard/validated-input-documents-400',
      createUser: '400 | switchboard/validated-input-documents-400',
      searchUsers: '400 | switchboard/validated-input-documents-400',
      getStatus: ' | ',
      subscribeUsers: ' | ',
    });
  });

  it.each([
    fixture('good.yaml'),
    ...specs,
  ])('%s passes lint and verify plans no case it leaves undocumented', async (spec) => {
    expect(await lintSpecs([spec])).toEqual([]);
    const rows = await compareWithLint(spec);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.undocumented.length > 0)).toEqual([]);
  });
});
