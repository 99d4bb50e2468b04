import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/** One misuse of generated code: `bad` must fail to compile, `good` (the corrected line) must compile. */
export interface TypeCase {
  name: string;
  bad: string;
  good: string;
}

/** A diagnostic of one file, with its 0-based line. */
export interface Diagnostic {
  line: number;
  code: number;
  text: string;
}

/** The compiled cases: where they are and what the checker said of each file. */
export interface CompiledCases {
  /** The folder beside `outDir` holding `case-NN.ts` and `control.ts`. */
  dir: string;
  /** Every `.ts` file generated under `outDir`. */
  generated: string[];
  /** The path of case `i`'s file. */
  caseFile(i: number): string;
  /** Syntactic and semantic diagnostics of a file in the program. */
  messages(file: string): Diagnostic[];
}

/**
 * Writes each case's `bad` line into its own file after `preamble` (which opens a block the file closes), and
 * every `good` line into `control.ts`, beside `outDir`; then type-checks them together with the generated
 * output under the repository's tsconfig (`repo`), in one program.
 */
export function compileTypeCases(
  repo: string,
  outDir: string,
  preamble: string,
  cases: readonly TypeCase[],
): CompiledCases {
  const dir = dirname(outDir);
  const caseFile = (i: number) => join(dir, `case-${String(i).padStart(2, '0')}.ts`);
  const roots = cases.map((c, i) => {
    writeFileSync(caseFile(i), `${preamble}  ${c.bad}\n}\n`);
    return caseFile(i);
  });
  writeFileSync(
    join(dir, 'control.ts'),
    `${preamble}${cases.map((c) => `  {\n    ${c.good}\n  }\n`).join('')}}\n`,
  );
  const config = ts.readConfigFile(join(repo, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repo);
  const generated = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(outDir, f));
  const program = ts.createProgram([...roots, join(dir, 'control.ts'), ...generated], options);
  const messages = (file: string): Diagnostic[] => {
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`${file} is not part of the program`);
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
      (d) => ({
        line: source.getLineAndCharacterOfPosition(d.start ?? 0).line,
        code: d.code,
        text: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      }),
    );
  };
  return { dir, generated, caseFile, messages };
}
