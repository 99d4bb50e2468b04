/** The `switchboard` command line: dispatches to one module per command, loaded only when used. */

const commands: Record<
  string,
  { summary: string; load: () => Promise<(args: string[]) => Promise<number>> }
> = {
  generate: {
    summary: 'generate types, clients, route tables and fakes from specs/ into generated/',
    load: async () => (await import('./cli/generate-command.js')).generateCommand,
  },
  diff: {
    summary: 'compare specs with a git ref or another version; exit 1 on breaking changes',
    load: async () => (await import('./cli/diff-command.js')).diffCommand,
  },
  lint: {
    summary: 'check specs against the house OpenAPI conventions',
    load: async () => (await import('./cli/lint-command.js')).lintCommand,
  },
  verify: {
    summary: 'verify a running provider against its spec (examples, generated and invalid requests, auth)',
    load: async () => (await import('./cli/verify-command.js')).verifyCommand,
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: switchboard <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun 'switchboard <command> --help' for a command's options.`;
}

/** Runs the CLI with the given arguments and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    console.error(`switchboard: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const run = await command.load();
  return run(rest);
}
