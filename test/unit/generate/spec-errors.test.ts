import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { generate } from '../../../lib/codegen/generate.js';
import { SpecErrors } from '../../../lib/codegen/spec-error.js';
import { createWorkspace, petSpec, SHARED, type Workspace } from './workspace.js';

let ws: Workspace | undefined;
const matrixPetSpec = () =>
  petSpec().replace('{ name: id, in: path,', '{ name: id, in: path, style: matrix,');
afterEach(() => ws?.dispose());

async function problems(files: Record<string, string>) {
  ws = createWorkspace(files);
  const error = await generate({ specsDir: ws.specs, outDir: ws.out }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SpecErrors);
  expect(existsSync(ws.out)).toBe(false);
  return (error as SpecErrors).errors.map((e) => ({
    rule: e.rule,
    file: e.location.file.replace(`${ws?.root}/`, ''),
    line: e.location.line,
    text: e.format(),
    hint: e.hint,
  }));
}

describe('bad specs get a located error, exit 1 and nothing written', () => {
  const cases: {
    name: string;
    files: Record<string, string>;
    rule: string;
    file: string;
    line: number;
    mentions: string;
  }[] = [
    {
      name: 'invalid YAML',
      files: { 'specs/pets.yaml': 'openapi: 3.1.0\ninfo:\n  title: x\n   version: 1\npaths: {}\n' },
      rule: 'yaml-syntax',
      file: 'specs/pets.yaml',
      line: 3,
      mentions: 'invalid YAML',
    },
    {
      name: 'duplicate YAML key',
      files: {
        'specs/pets.yaml': 'openapi: 3.1.0\ninfo: { title: x, version: "1" }\npaths: {}\npaths: {}\n',
      },
      rule: 'yaml-syntax',
      file: 'specs/pets.yaml',
      line: 4,
      mentions: 'unique',
    },
    {
      name: 'duplicate JSON key',
      files: {
        'specs/pets.json':
          '{\n  "openapi": "3.1.0",\n  "info": {"title": "x", "version": "1"},\n  "paths": {},\n  "paths": {}\n}\n',
      },
      rule: 'yaml-syntax',
      file: 'specs/pets.json',
      line: 5,
      mentions: 'unique',
    },
    {
      name: 'invalid JSON',
      files: { 'specs/pets.json': '{\n  "openapi": "3.1.0"\n  "paths": {}\n}\n' },
      rule: 'yaml-syntax',
      file: 'specs/pets.json',
      line: 3,
      mentions: 'invalid YAML: Missing , between flow map items',
    },
    {
      name: 'unresolvable $ref to a missing file',
      files: { 'specs/pets.yaml': petSpec() },
      rule: 'unresolved-ref',
      file: 'specs/pets.yaml',
      line: 15,
      mentions: './shared.yaml',
    },
    {
      name: 'unresolvable $ref pointer inside an existing file',
      files: {
        'specs/pets.yaml': petSpec().replace('schemas/Pet', 'schemas/Cat'),
        'specs/shared.yaml': SHARED,
      },
      rule: 'unresolved-ref',
      file: 'specs/pets.yaml',
      line: 15,
      mentions: 'Cat',
    },
    {
      name: 'OpenAPI schema violation (response without description)',
      files: {
        'specs/pets.yaml': petSpec().replace(
          "        '404':\n          description: missing\n",
          "        '404': {}\n",
        ),
        'specs/shared.yaml': SHARED,
      },
      rule: 'openapi-schema',
      file: 'specs/pets.yaml',
      line: 17,
      mentions: 'description',
    },
    {
      name: 'duplicate operationId',
      files: {
        'specs/pets.yaml': petSpec(
          `  /pets:\n    get:\n      operationId: getPet\n      responses:\n        '204': { description: none }\n`,
        ),
        'specs/shared.yaml': SHARED,
      },
      rule: 'duplicate-operation-id',
      file: 'specs/pets.yaml',
      line: 21,
      mentions: 'getPet',
    },
    {
      name: 'an operationId a webhook shares with a path operation',
      files: {
        'specs/pets.yaml': petSpec(
          `webhooks:\n  petAdopted:\n    post:\n      operationId: getPet\n      responses:\n        '204': { description: none }\n`,
        ),
        'specs/shared.yaml': SHARED,
      },
      rule: 'duplicate-operation-id',
      file: 'specs/pets.yaml',
      line: 22,
      mentions: 'already used at GET /pets/{id}',
    },
    {
      name: 'a construct it cannot generate (a matrix-style path parameter)',
      files: { 'specs/pets.yaml': matrixPetSpec(), 'specs/shared.yaml': SHARED },
      rule: 'unsupported-construct',
      file: 'specs/pets.yaml',
      line: 9,
      mentions: 'style matrix',
    },
    {
      name: 'a construct it cannot generate (multipart/mixed body)',
      files: {
        'specs/pets.yaml': petSpec(
          `  /upload:\n    post:\n      operationId: upload\n      requestBody:\n        content:\n          multipart/mixed: { schema: { type: object } }\n      responses:\n        '204': { description: none }\n`,
        ),
        'specs/shared.yaml': SHARED,
      },
      rule: 'unsupported-construct',
      file: 'specs/pets.yaml',
      line: 23,
      mentions: 'multipart/mixed',
    },
    {
      name: 'undeclared path parameter',
      files: {
        'specs/pets.yaml': petSpec().replace('name: id, in: path', 'name: petId, in: path'),
        'specs/shared.yaml': SHARED,
      },
      rule: 'path-params',
      file: 'specs/pets.yaml',
      line: 5,
      mentions: "'id'",
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const found = await problems(c.files);
      const match = found.find((p) => p.rule === c.rule);
      expect(match, JSON.stringify(found)).toBeDefined();
      expect(match?.file).toBe(c.file);
      expect(match?.line).toBe(c.line);
      expect(match?.text).toContain(c.mentions);
      expect(match?.text).toMatch(/^\S+:\d+:\d+ error \[/);
    });
  }

  it('reports problems of every spec, not only the first', async () => {
    const found = await problems({
      'specs/a.yaml': 'openapi: 3.1.0\ninfo: [\n',
      'specs/b.yaml': matrixPetSpec(),
      'specs/shared.yaml': SHARED,
    });
    expect(found.map((p) => p.file).sort()).toEqual(['specs/a.yaml', 'specs/b.yaml']);
  });
});
