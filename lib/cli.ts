/** The `switchboard` command line: dispatches to one module per command, loaded only when used. */
import { TOOLKIT_PACKAGE } from './codegen/toolkit-root.js';
import { ConfigFileError } from './scaffold/project-config.js';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  init: {
    summary: 'make a repository ready: specs/common.yaml, config, scripts, tsconfig, CI workflow',
    load: async () => (await import('./cli/init-command.js')).initCommand,
  },
  new: {
    summary: 'new service <name> [--port N]: spec, generated code, handlers, app, main, test',
    load: async () => (await import('./cli/new-command.js')).newCommand,
  },
  generate: {
    summary: 'generate types, clients, route tables and fakes from specs/ into generated/',
    load: async () => (await import('./cli/generate-command.js')).generateCommand,
  },
  lint: {
    summary: 'check specs against the house OpenAPI conventions',
    load: async () => (await import('./cli/lint-command.js')).lintCommand,
  },
  diff: {
    summary: 'compare specs with a git ref or another version; exit 1 on breaking changes',
    load: async () => (await import('./cli/diff-command.js')).diffCommand,
  },
  verify: {
    summary: 'verify a running provider against its spec (examples, generated and invalid requests, auth)',
    load: async () => (await import('./cli/verify-command.js')).verifyCommand,
  },
  mock: {
    summary: 'run a Prism mock of one service spec (needs @stoplight/prism-cli)',
    load: async () => (await import('./cli/mock-command.js')).mockCommand,
  },
  dev: {
    summary: 'start every service in switchboard.config.json from its build, on loopback',
    load: async () => (await import('./cli/dev-command.js')).devCommand,
  },
  stats: {
    summary: "rate, error % and p50/p95/p99 per call and route, from running services' /metrics",
    load: async () => (await import('./cli/stats-command.js')).statsCommand,
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return (
    `usage: switchboard <command> [options]\n\ncommands:\n${lines.join('\n')}\n\n` +
    "Run 'switchboard help <command>' for a command's options, 'switchboard --version' for the version."
  );
}

/** Runs the CLI with the given arguments and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    console.log(TOOLKIT_PACKAGE.version);
    return 0;
  }
  if (name === 'help' && rest[0] !== undefined) return main([rest[0], '--help']);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    console.error(`switchboard: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const run = await command.load();
  try {
    return await run(rest);
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    console.error(`switchboard ${name}: ${error.message}`);
    return 1;
  }
}
