import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigurationError } from '../errors/escalate-error.js';

/**
 * Connection settings, first found wins: flags (`--url`, `--api-key`), environment
 * (`ESCALATE_URL`, `ESCALATE_API_KEY`), then a JSON config file: `--config <file>`,
 * `ESCALATE_CONFIG`, or `$XDG_CONFIG_HOME/escalate/config.json` (`~/.config/escalate/config.json`).
 *
 *   { "url": "https://escalate.example.com/graphql", "apiKey": "esk_…", "timeoutMs": 30000 }
 *
 * A file may hold several profiles: `{ "profiles": { "prod": { … } } }`, chosen with
 * `--profile` or `ESCALATE_PROFILE`.
 */
export interface GlobalFlags {
  url?: string;
  apiKey?: string;
  config?: string;
  profile?: string;
  timeout?: string;
  retries?: string;
}

export interface CliConfig {
  url: string;
  apiKey: string;
  timeoutMs?: number;
  retries?: number;
}

const ZConnection = z.object({
  url: z.string().optional(),
  apiKey: z.string().optional(),
  timeoutMs: z.number().int().positive().optional(),
  retries: z.number().int().min(0).max(10).optional(),
});

const ZConfigFile = ZConnection.extend({ profiles: z.record(z.string(), ZConnection).optional() });

type Connection = z.infer<typeof ZConnection>;

export function defaultConfigPath(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'escalate', 'config.json');
}

async function readConfigFile(path: string, required: boolean, profile: string | undefined): Promise<Connection> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigurationError({
      code: 'CONFIGURATION_ERROR',
      message: `Cannot read config file ${path}`,
      cause: error,
    });
  }
  let parsed: z.infer<typeof ZConfigFile>;
  try {
    parsed = ZConfigFile.parse(JSON.parse(text));
  } catch (error) {
    throw new ConfigurationError({
      code: 'CONFIGURATION_ERROR',
      message: `Config file ${path} is not valid: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  if (!profile) return parsed;
  const selected = parsed.profiles?.[profile];
  if (!selected) {
    throw new ConfigurationError({ code: 'CONFIGURATION_ERROR', message: `No profile "${profile}" in ${path}` });
  }
  return selected;
}

function integerFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new ConfigurationError({ code: 'CONFIGURATION_ERROR', message: `--${name} must be a whole number` });
  }
  return number;
}

export async function resolveCliConfig(flags: GlobalFlags, env: NodeJS.ProcessEnv = process.env): Promise<CliConfig> {
  const explicitFile = flags.config ?? env.ESCALATE_CONFIG;
  const file = await readConfigFile(
    explicitFile ?? defaultConfigPath(env),
    Boolean(explicitFile),
    flags.profile ?? env.ESCALATE_PROFILE,
  );
  const url = flags.url ?? env.ESCALATE_URL ?? file.url;
  const apiKey = flags.apiKey ?? env.ESCALATE_API_KEY ?? file.apiKey;
  const missing = [
    !url && 'the API URL (--url or ESCALATE_URL)',
    !apiKey && 'an API key (--api-key or ESCALATE_API_KEY)',
  ];
  const problems = missing.filter((item): item is string => Boolean(item));
  if (!url || !apiKey) {
    throw new ConfigurationError({
      code: 'CONFIGURATION_ERROR',
      message: `Missing ${problems.join(' and ')}; or put them in ${explicitFile ?? defaultConfigPath(env)}`,
    });
  }
  const timeoutMs = integerFlag(flags.timeout, 'timeout') ?? file.timeoutMs;
  const retries = integerFlag(flags.retries, 'retries') ?? file.retries;
  return {
    url,
    apiKey,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(retries !== undefined ? { retries } : {}),
  };
}
