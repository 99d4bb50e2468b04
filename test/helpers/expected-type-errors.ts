import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

/**
 * A `@ts-expect-error` that names what it expects: `// @ts-expect-error TS2322 `fragment` why`. The code and
 * the fragment (a substring of the diagnostic's text) pin the one error the next line must have.
 */
const PINNED = /\/\/ @ts-expect-error TS(\d+) `([^`]+)`/;
const DIRECTIVE = /\/\/ @ts-expect-error\b/;

/** One `@ts-expect-error` of a file: the 0-based line it guards and the diagnostic it pins. */
export interface PinnedExpectation {
  line: number;
  code: number;
  fragment: string;
}

/** A diagnostic of one file, with its 0-based line. */
export interface LineDiagnostic {
  line: number;
  code: number;
  text: string;
}

/** What the checker said of one file compiled without its `@ts-expect-error` directives. */
export interface UnmaskedFile {
  file: string;
  /** The pinned directives; `unpinned` lists the 1-based lines of directives that pin nothing. */
  expectations: PinnedExpectation[];
  unpinned: number[];
  diagnostics: LineDiagnostic[];
}

/**
 * Reads each `.ts` file of `files`, parses its `@ts-expect-error` directives and type-checks it (with the
 * repository's tsconfig at `repo`) with every directive turned into a plain comment, in memory, so each
 * guarded line's real diagnostics can be compared with what its directive pins.
 */
export function unmaskTypeTests(repo: string, files: readonly string[]): UnmaskedFile[] {
  const config = ts.readConfigFile(join(repo, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repo);
  const parsed = new Map<string, { text: string; expectations: PinnedExpectation[]; unpinned: number[] }>();
  for (const file of files.map((f) => resolve(f))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const expectations: PinnedExpectation[] = [];
    const unpinned: number[] = [];
    lines.forEach((line, i) => {
      if (!DIRECTIVE.test(line)) return;
      const pin = PINNED.exec(line);
      if (pin === null) unpinned.push(i + 1);
      else expectations.push({ line: i + 1, code: Number(pin[1]), fragment: pin[2] ?? '' });
    });
    const text = lines.map((line) => line.replace(DIRECTIVE, '// (expected error)')).join('\n');
    parsed.set(file, { text, expectations, unpinned });
  }
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, language, onError, fresh) => {
    const replaced = parsed.get(resolve(name));
    return replaced === undefined
      ? getSourceFile.call(host, name, language, onError, fresh)
      : ts.createSourceFile(name, replaced.text, language);
  };
  const program = ts.createProgram([...parsed.keys()], options, host);
  return [...parsed].map(([file, { expectations, unpinned }]) => {
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`${file} is not part of the program`);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ].map((d) => ({
      line: source.getLineAndCharacterOfPosition(d.start ?? 0).line,
      code: d.code,
      text: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
    return { file, expectations, unpinned, diagnostics };
  });
}
