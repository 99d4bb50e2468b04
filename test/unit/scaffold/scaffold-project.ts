import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away project folder for scaffold tests. */
export interface ScratchProject {
  root: string;
  read(path: string): string;
  write(path: string, content: string): void;
  json<T>(path: string): T;
  cleanup(): void;
}

/** Makes an empty folder under the OS temp folder, optionally with `files` (path → content). */
export function scratchProject(files: Record<string, string> = {}): ScratchProject {
  const root = mkdtempSync(join(tmpdir(), 'switchboard-scaffold-'));
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  for (const [path, content] of Object.entries(files)) write(path, content);
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  return {
    root,
    read,
    write,
    json: <T>(path: string) => JSON.parse(read(path)) as T,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
