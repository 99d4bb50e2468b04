import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway project folder with `specs/` and `generated/`, removed by `dispose`. */
export interface Workspace {
  root: string;
  specs: string;
  out: string;
  write(relativePath: string, content: string): string;
  dispose(): void;
}

/** Creates a workspace in the OS temp folder holding `files` (paths relative to its root). */
export function createWorkspace(files: Record<string, string> = {}): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'switchboard-gen-'));
  const write = (path: string, content: string) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return full;
  };
  for (const [path, content] of Object.entries(files)) write(path, content);
  return {
    root,
    specs: join(root, 'specs'),
    out: join(root, 'generated'),
    write,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A small valid service spec; `extra` is appended under `paths:` as more YAML. */
export function petSpec(extra = ''): string {
  return `openapi: 3.1.0
info: { title: pets, version: 1.0.0 }
paths:
  /pets/{id}:
    get:
      operationId: getPet
      summary: Get a pet
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, maxLength: 20 } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: './shared.yaml#/components/schemas/Pet' }
              example: { id: p1, name: Rex }
        '404':
          description: missing
${extra}`;
}

/** The shared file `petSpec` refers to. */
export const SHARED = `openapi: 3.1.0
info: { title: shared, version: 1.0.0 }
paths: {}
components:
  schemas:
    Pet:
      type: object
      additionalProperties: false
      required: [id, name]
      properties:
        id: { type: string, maxLength: 20 }
        name: { type: string, maxLength: 50 }
`;
