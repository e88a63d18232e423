import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SdkTestEnv, startSdkTestEnv } from '../testing/sdk-test-env.js';

const LINES = Number(process.env.ESCALATE_IMPORT_TEST_LINES ?? 10_000);
const BAD_LINES = new Map<number, string>([
  [17, '{"subject": "missing the closing brace", "customerRef": "C-17"'],
  [Math.floor(LINES / 2) + 3, '{"subject": "", "customerRef": "C-middle"}'],
  [LINES - 2, '{"subject": "unknown field", "customerRef": "C-x", "colour": "blue"}'],
]);
const cliMain = fileURLToPath(new URL('./main.ts', import.meta.url));

let env: SdkTestEnv;
let work: string;

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function escalateCli(args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cliMain, ...args],
      {
        env: { ...process.env, ESCALATE_URL: env.url, ESCALATE_API_KEY: env.tenant.keys.tier2 ?? '', ...extraEnv },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  env = await startSdkTestEnv('care');
  work = await mkdtemp(join(tmpdir(), 'escalate-cli-'));
}, 60_000);

afterAll(async () => {
  await env?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('escalate import', () => {
  it(`creates ${LINES} cases from NDJSON, reports the 3 bad lines by number, exits 7`, async () => {
    const file = join(work, 'cases.ndjson');
    const lines = Array.from({ length: LINES }, (_, index) => {
      const number = index + 1;
      return (
        BAD_LINES.get(number) ??
        JSON.stringify({
          subject: `Imported ${number}`,
          customerRef: `imp-${number}`,
          priority: number % 3 ? 'NORMAL' : 'HIGH',
        })
      );
    });
    await writeFile(file, `${lines.join('\n')}\n`);
    const started = Date.now();
    const run = await escalateCli(['import', file, '--concurrency', '4', '--results', join(work, 'results.ndjson')]);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`escalate import of ${LINES} lines: ${seconds.toFixed(1)} s\n`);

    expect(run.code).toBe(7);
    expect(run.stderr).toContain(`Imported ${LINES - 3} of ${LINES} lines`);
    for (const line of BAD_LINES.keys()) expect(run.stderr).toMatch(new RegExp(`line ${line}: \\[`));
    expect(run.stderr).toMatch(/line 17: \[INVALID_LINE\] not valid JSON/);
    expect(run.stderr).toMatch(
      new RegExp(`line ${Math.floor(LINES / 2) + 3}: \\[VALIDATION_FAILED\\].*input\\.subject`),
    );
    expect(run.stderr).toMatch(new RegExp(`line ${LINES - 2}: \\[INVALID_LINE\\] unknown field colour`));

    const results = (await readFile(join(work, 'results.ndjson'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results).toHaveLength(LINES);
    expect(
      results
        .filter((result) => !result.ok)
        .map((result) => result.line)
        .sort((a, b) => a - b),
    ).toEqual([...BAD_LINES.keys()]);
    const count = () =>
      env.kit.db.case.count({ where: { tenantId: env.tenant.tenantId, customerRef: { startsWith: 'imp-' } } });
    expect(await count()).toBe(LINES - 3);
  }, 900_000);

  it('X-4 an import killed halfway resumes when run again: every line once, nothing twice', async () => {
    const file = join(work, 'crash.ndjson');
    const total = 300;
    const lines = Array.from({ length: total }, (_, index) =>
      JSON.stringify({ subject: `Crash ${index + 1}`, customerRef: `crash-${index + 1}` }),
    );
    await writeFile(file, `${lines.join('\n')}\n`);
    const count = () =>
      env.kit.db.case.count({ where: { tenantId: env.tenant.tenantId, customerRef: { startsWith: 'crash-' } } });
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cliMain, 'import', file, '--results', '-', '--batch-size', '20', '--concurrency', '1'],
      { env: { ...process.env, ESCALATE_URL: env.url, ESCALATE_API_KEY: env.tenant.keys.tier2 ?? '' } },
    );
    let results = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        results += chunk.toString().split('\n').filter(Boolean).length;
        if (results >= 60 && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    const afterCrash = await count();
    expect(afterCrash).toBeGreaterThanOrEqual(60);
    expect(afterCrash).toBeLessThan(total);

    const rerun = await escalateCli(['import', file]);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain(`Imported ${total} of ${total} lines`);
    expect(await count()).toBe(total);
  }, 120_000);

  it('Ctrl-C stops taking lines, prints the summary and exits 130; running again finishes the rest', async () => {
    const file = join(work, 'interrupt.ndjson');
    const total = 200;
    const lines = Array.from({ length: total }, (_, index) =>
      JSON.stringify({ subject: `Interrupt ${index + 1}`, customerRef: `interrupt-${index + 1}` }),
    );
    await writeFile(file, `${lines.join('\n')}\n`);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cliMain, 'import', file, '--results', '-', '--batch-size', '10', '--concurrency', '1'],
      { env: { ...process.env, ESCALATE_URL: env.url, ESCALATE_API_KEY: env.tenant.keys.tier2 ?? '' } },
    );
    let results = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exitCode = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const before = results;
        results += chunk.toString().split('\n').filter(Boolean).length;
        if (before < 30 && results >= 30) child.kill('SIGINT');
      });
      child.on('exit', (code) => resolve(code));
    });
    expect(exitCode).toBe(130);
    expect(stderr).toMatch(/Interrupted after \d+ of 200 lines: run the same command again to resume/);
    const rerun = await escalateCli(['import', file]);
    expect(rerun.code).toBe(0);
    const count = await env.kit.db.case.count({
      where: { tenantId: env.tenant.tenantId, customerRef: { startsWith: 'interrupt-' } },
    });
    expect(count).toBe(total);
  }, 120_000);

  it('a file that does not exist is a usage error (exit 2)', async () => {
    const run = await escalateCli(['import', join(work, 'nope.ndjson')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Cannot read');
  });
});
