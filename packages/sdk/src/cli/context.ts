import type { Command } from 'commander';
import { createClient, type EscalateClient } from '../client/create-client.js';
import { ConfigurationError } from '../errors/escalate-error.js';
import { type GlobalFlags, resolveCliConfig } from './config.js';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** A client built from the command's flags, the environment and the config file. */
export async function clientFor(command: Command, io: CliIo): Promise<EscalateClient> {
  const flags = command.optsWithGlobals<GlobalFlags>();
  const config = await resolveCliConfig(flags, io.env);
  return createClient({ ...config, userAgent: 'escalate-cli' });
}

export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Repeatable or comma-separated list flags: `--status NEW,OPEN --status ESCALATED`. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  ];
}

/** A wrong flag value: exit code 2, like commander's own usage errors. */
export function usageError(message: string): ConfigurationError {
  return new ConfigurationError({ code: 'CONFIGURATION_ERROR', message });
}
