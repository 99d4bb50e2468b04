import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parse } from 'yaml';

const SPEC_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * The services Prism can mock: every spec in `specsDir` that declares at least one path (shared component
 * files such as `common.yaml` declare none), as `{ name, specPath }` sorted by name.
 */
export async function mockableServices(specsDir: string): Promise<{ name: string; specPath: string }[]> {
  const files = (await readdir(specsDir)).filter((f) => SPEC_EXTENSIONS.has(extname(f))).sort();
  const services: { name: string; specPath: string }[] = [];
  for (const file of files) {
    const specPath = join(specsDir, file);
    const doc: unknown = parse(await readFile(specPath, 'utf8'));
    const paths = typeof doc === 'object' && doc !== null ? (doc as { paths?: unknown }).paths : undefined;
    if (typeof paths === 'object' && paths !== null && Object.keys(paths).length > 0)
      services.push({ name: file.slice(0, -extname(file).length), specPath });
  }
  return services;
}
