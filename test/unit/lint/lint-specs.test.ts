import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblems, type LintProblem, lintSpecs } from '../../../lib/lint/index.js';
import { crashedRule } from '../../../lib/lint/lint-specs.js';

const fixtures = fileURLToPath(new URL('../../fixtures/lint/', import.meta.url));
const fixture = (name: string): string => `${fixtures}${name}`;
const brief = (problems: LintProblem[]) => problems.map((p) => `${p.rule}@${p.line}:${p.column}`);

describe('lintSpecs', () => {
  it('reports a problem in a shared file once, in that file, however many specs reach it', async () => {
    const problems = await lintSpecs([fixture('shared/a-service.yaml'), fixture('shared/b-service.yaml')]);
    expect(problems).toEqual([
      {
        file: fixture('shared/common.yaml'),
        line: 9,
        column: 5,
        rule: 'switchboard/closed-objects',
        severity: 'error',
        message: 'object schema must set additionalProperties: false (or a value schema for a map)',
        pointer: '#/components/schemas/Error',
      },
    ]);
  });

  it('keeps the structural checks: unresolved refs and invalid nodes get a clear message', async () => {
    const problems = await lintSpecs([fixture('bad-structure.yaml')]);
    expect(brief(problems)).toEqual(['struct@15:15', 'no-unresolved-refs@18:16']);
    expect(problems[1]?.message).toBe(
      "can't resolve $ref './common.yaml#/components/responses/Missing': fix the file path or the JSON pointer",
    );
  });

  it('turns unreadable files into problems instead of throwing', async () => {
    const problems = await lintSpecs([fixture('bad-yaml.yaml'), fixture('no-such-file.yaml')]);
    expect(brief(problems)).toEqual(['parse@5:8', 'parse@1:1']);
    expect(problems[0]?.message).toMatch(/^invalid YAML: /);
    expect(problems[1]?.message).toMatch(/^cannot read file: ENOENT/);
  });

  it('rejects a YAML file that is not an OpenAPI document', async () => {
    const problems = await lintSpecs([fixture('not-openapi.yaml')]);
    expect(brief(problems)).toEqual(['struct@1:1']);
    expect(problems[0]?.message).toBe('not an OpenAPI document: start the file with openapi: 3.1.0');
  });

  it('sorts by file, line and column and formats relative to cwd with a summary', async () => {
    const problems = await lintSpecs([
      fixture('bad-array-max-items.yaml'),
      fixture('bad-closed-objects.yaml'),
    ]);
    const lines = formatProblems(problems, fixtures).split('\n');
    expect(lines[0]).toBe(
      'bad-array-max-items.yaml:17:11 error switchboard/array-max-items array schema must set maxItems',
    );
    expect(lines.at(-1)).toBe('7 errors, 0 warnings');
    expect(formatProblems([], fixtures)).toBe('no problems');
  });

  it('skips a rule that crashes on a document, says so, and still runs every other rule', async () => {
    const root = fixture('nested-refs/service.yaml');
    const problems = await lintSpecs([root]);
    const crash = problems.find((p) => p.severity === 'warning');
    expect(crash).toMatchObject({ file: root, line: 1, rule: 'no-required-schema-properties-undefined' });
    expect(crash?.message).toMatch(/^the rule crashed on this document \(TypeError: .*\) and was skipped/);
    // The house rules ran over all three files.
    expect(brief(problems.filter((p) => p.severity === 'error'))).toEqual([
      'switchboard/closed-objects@1:1',
      'switchboard/string-max-length@3:3',
      'switchboard/closed-objects@1:1',
      'switchboard/closed-objects@18:13',
      'switchboard/validated-input-documents-400@23:7',
    ]);
  });

  it('names the rule a stack trace comes from: a Redocly rule, a house rule, or neither', () => {
    const thrown = (frame: string) =>
      Object.assign(new TypeError('boom'), { stack: `TypeError: boom\n    at ${frame}` });
    expect(
      crashedRule(
        thrown(
          'enter (/p/node_modules/@redocly/openapi-core/lib/rules/oas3/no-invalid-media-type-examples.js:9:1)',
        ),
      ),
    ).toBe('no-invalid-media-type-examples');
    expect(crashedRule(thrown('enter (/p/lib/lint/rules/closed-objects.ts:12:3)'))).toBe(
      'switchboard/closed-objects',
    );
    expect(
      crashedRule(thrown('enter (/p/node_modules/switchboard/dist/lint/rules/string-max-length.js:4:1)')),
    ).toBe('switchboard/string-max-length');
    expect(
      crashedRule(thrown('walk (/p/node_modules/@redocly/openapi-core/lib/walk.js:130:29)')),
    ).toBeUndefined();
    expect(crashedRule('not an error')).toBeUndefined();
    // A helper the house rules share is passed over for the rule below it.
    expect(
      crashedRule(
        thrown(
          'isRef (/p/lib/lint/rules/node-helpers.ts:3:1)\n    at enter (/p/lib/lint/rules/rate-limit.ts:40:2)',
        ),
      ),
    ).toBe('switchboard/rate-limit');
    expect(crashedRule(thrown('isRef (/p/lib/lint/rules/node-helpers.ts:3:1)'))).toBeUndefined();
  });
});
