import { Command, CommanderError } from 'commander';
import { SDK_VERSION } from '../version.js';
import { casesCommand } from './commands/cases-command.js';
import { exportCommand } from './commands/export-command.js';
import { importCommand } from './commands/import-command.js';
import { escalateCommand, routeCommand } from './commands/routing-commands.js';
import type { CliIo } from './context.js';
import { clientFor, writeJson } from './context.js';
import { describeError, EXIT, EXIT_CODES_HELP, exitCodeFor } from './exit-codes.js';

const CONFIG_HELP = `
Configuration (first found wins):
  flags        --url, --api-key
  environment  ESCALATE_URL, ESCALATE_API_KEY (ESCALATE_CONFIG, ESCALATE_PROFILE)
  config file  --config <file>, or ~/.config/escalate/config.json:
               { "url": "https://escalate.example.com/graphql", "apiKey": "esk_…" }`;

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('escalate')
    .description('Escalate from the command line: route and escalate cases, list, import and export them.')
    .version(SDK_VERSION)
    .option('--url <url>', 'GraphQL endpoint (ESCALATE_URL)')
    .option('--api-key <key>', 'API key (ESCALATE_API_KEY)')
    .option('--config <file>', 'JSON config file (ESCALATE_CONFIG)')
    .option('--profile <name>', 'profile in the config file (ESCALATE_PROFILE)')
    .option('--timeout <ms>', 'per-request timeout in milliseconds')
    .option('--retries <n>', 'retries on network errors, 429 and 503')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', `${CONFIG_HELP}\n${EXIT_CODES_HELP}`)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  program
    .command('whoami')
    .description('show the user, role and organization of the API key')
    .action(async (_flags: unknown, command: Command) => {
      writeJson(io, await (await clientFor(command, io)).viewer());
    });
  program.addCommand(routeCommand(io));
  program.addCommand(escalateCommand(io));
  program.addCommand(casesCommand(io));
  program.addCommand(importCommand(io, setExitCode));
  program.addCommand(exportCommand(io));

  // every sub-command reports usage errors through the exit code below instead of exiting
  const configure = (command: Command) => {
    command.exitOverride().configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
    command.showHelpAfterError('(run with --help for usage)');
    for (const child of command.commands) configure(child);
  };
  configure(program);
  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.OK;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; a wrong flag or argument with 2
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    io.stderr.write(`${describeError(error)}\n`);
    return exitCodeFor(error);
  }
}
