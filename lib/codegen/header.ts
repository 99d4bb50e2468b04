/** The first lines of every generated file: which spec it comes from, and that it must not be edited. */
export function generatedHeader(specPath: string): string {
  return `// @generated from ${specPath} by switchboard, do not edit. Run \`switchboard generate\` after changing the spec.\n`;
}

/** True when `text` starts with a header this generator wrote, so the file is ours to replace or remove. */
export function isGenerated(text: string): boolean {
  return text.startsWith('// @generated ');
}
