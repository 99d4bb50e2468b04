import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOOLKIT_ROOT } from '../codegen/toolkit-root.js';

/** The templates shipped with the package (`templates/` beside `dist/`). */
export const TEMPLATES_DIR = join(TOOLKIT_ROOT, 'templates');

/**
 * The template at `templates/<file>` with every `{{key}}` replaced by `vars[key]`. Throws when the template
 * names a key `vars` lacks, so a renamed variable cannot leave `{{...}}` in a user's file.
 */
export function renderTemplate(file: string, vars: Readonly<Record<string, string>>): string {
  const text = readFileSync(join(TEMPLATES_DIR, file), 'utf8');
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`template ${file} uses {{${key}}}, which has no value`);
    return value;
  });
}
