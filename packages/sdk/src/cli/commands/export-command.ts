import { createWriteStream } from 'node:fs';
import { Command } from 'commander';
import { type CliIo, clientFor } from '../context.js';
import { addFilterOptions, type FilterFlags, filterFromFlags } from './cases-command.js';

/** Writes cases as NDJSON (one case per line); `escalate import` reads the file back. */
export function exportCommand(io: CliIo): Command {
  return addFilterOptions(
    new Command('export')
      .summary('write cases as NDJSON')
      .description('write cases as NDJSON, newest first (the format `escalate import` reads)')
      .option('--output <file>', 'write to this file instead of stdout'),
  ).action(async (flags: FilterFlags & { output?: string }, command: Command) => {
    const client = await clientFor(command, io);
    const target: NodeJS.WritableStream = flags.output ? createWriteStream(flags.output) : io.stdout;
    let count = 0;
    for await (const item of client.cases.list({ filter: filterFromFlags(flags) })) {
      const { queue, ...rest } = item;
      if (!target.write(`${JSON.stringify({ ...rest, queue: queue?.slug ?? null })}\n`)) {
        await new Promise((resolve) => target.once('drain', resolve));
      }
      count += 1;
    }
    if (flags.output) await new Promise<void>((resolve) => target.end(resolve));
    io.stderr.write(`Exported ${count} case${count === 1 ? '' : 's'}.\n`);
  });
}
