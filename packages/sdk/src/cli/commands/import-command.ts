import { createWriteStream } from 'node:fs';
import { access } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { importCases, type LineResult } from '../../bulk/import-cases.js';
import { type CliIo, clientFor, usageError } from '../context.js';
import { EXIT } from '../exit-codes.js';

interface ImportFlags {
  concurrency: string;
  batchSize: string;
  results?: string;
  keyScope?: string;
  progress: boolean;
}

const SHOWN_FAILURES = 50;

function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

function failureLine(result: LineResult): string {
  if (result.ok) return '';
  const fields = result.error.fields?.length
    ? ` (${result.error.fields.map((field) => `${field.path}: ${field.message}`).join('; ')})`
    : '';
  return `  line ${result.line}: [${result.error.code}] ${result.error.message}${fields}`;
}

export function importCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('import')
    .summary('create cases from an NDJSON file (bounded concurrency, resumable)')
    .description(
      'create cases from an NDJSON file, one JSON object per line (subject, customerRef, priority, …).\n' +
        'Lines go to the server in batches (createCases, up to 500 lines a call; the rate limit counts lines).\n' +
        'Bad lines are reported with their line number and skipped. Each line carries an idempotency key\n' +
        'derived from the file name, line number and content: run the same file again to resume after a\n' +
        'crash without creating anything twice (keys are kept for 24 hours).',
    )
    .argument('<file>', 'NDJSON file')
    .option('--concurrency <n>', 'requests (batches) in flight at once (1-64)', '4')
    .option('--batch-size <n>', 'lines per request (1-500)', '250')
    .option('--results <file>', 'write one JSON result per line to this file ("-" for stdout)')
    .option('--key-scope <text>', "what makes this run's keys unique (default: the file name)")
    .option('--no-progress', 'no progress bar (it is shown only on a terminal anyway)')
    .action(async (file: string, flags: ImportFlags, command: Command) => {
      const concurrency = Number(flags.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
        throw usageError('--concurrency must be a whole number from 1 to 64');
      }
      const batchSize = Number(flags.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 500) {
        throw usageError('--batch-size must be a whole number from 1 to 500');
      }
      await access(file).catch(() => {
        throw usageError(`Cannot read ${file}`);
      });
      const client = await clientFor(command, io);
      const resultsTarget = flags.results ?? (io.stdout.isTTY ? undefined : '-');
      const results = resultsTarget === '-' ? io.stdout : resultsTarget ? createWriteStream(resultsTarget) : null;
      const bar =
        flags.progress && io.stderr.isTTY
          ? new cliProgress.SingleBar(
              {
                stream: io.stderr,
                format:
                  'import |{bar}| {percentage}% | {value}/{total} lines | {rate} lines/s | ETA {eta_formatted} | failed {failed}',
                etaBuffer: 200,
                hideCursor: true,
              },
              cliProgress.Presets.shades_classic,
            )
          : null;
      const started = Date.now();
      let barStarted = false;
      // Ctrl-C: stop taking new lines, let the ones in flight finish, print the summary
      const interrupt = new AbortController();
      const onInterrupt = () => interrupt.abort();
      process.once('SIGINT', onInterrupt);
      const summary = await importCases({
        client,
        filePath: file,
        concurrency,
        batchSize,
        signal: interrupt.signal,
        ...(flags.keyScope ? { keyScope: flags.keyScope } : {}),
        onResult: (result) => results?.write(`${JSON.stringify(result)}\n`),
        onProgress: ({ done, total, failed }) => {
          if (!bar) return;
          const rate = Math.round((done / Math.max(1, Date.now() - started)) * 1000);
          if (!barStarted) {
            bar.start(total, 0, { rate, failed });
            barStarted = true;
          }
          bar.update(done, { rate, failed });
        },
      });
      process.removeListener('SIGINT', onInterrupt);
      bar?.stop();
      if (results && results !== io.stdout)
        await new Promise<void>((resolve) => (results as NodeJS.WritableStream).end(resolve));

      const failed = summary.failed.length;
      io.stderr.write(
        `Imported ${summary.succeeded} of ${summary.total} lines in ${formatDuration(summary.durationMs)}` +
          ` (${summary.created} created, ${summary.existing} matched an open case)` +
          (failed ? `; ${failed} failed:\n` : '.\n'),
      );
      for (const result of summary.failed.slice(0, SHOWN_FAILURES)) io.stderr.write(`${failureLine(result)}\n`);
      if (failed > SHOWN_FAILURES) io.stderr.write(`  … and ${failed - SHOWN_FAILURES} more (see --results)\n`);
      if (interrupt.signal.aborted) {
        const done = summary.succeeded + failed;
        io.stderr.write(`Interrupted after ${done} of ${summary.total} lines: run the same command again to resume.\n`);
        setExitCode(EXIT.INTERRUPTED);
        return;
      }
      if (failed) setExitCode(EXIT.PARTIAL_FAILURE);
    });
}
