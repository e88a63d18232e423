import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SdkTestEnv, startSdkTestEnv } from '../testing/sdk-test-env.js';
import { runCli } from './run-cli.js';

let env: SdkTestEnv;
let work: string;

function capture(): PassThrough & { text(): string; isTTY?: boolean } {
  const stream = new PassThrough() as PassThrough & { text(): string };
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.text = () => Buffer.concat(chunks).toString('utf8');
  return stream;
}

async function escalate(args: string[], env: Record<string, string | undefined>, terminal = false) {
  const stdout = capture();
  const stderr = capture();
  stderr.isTTY = terminal;
  const code = await runCli(args, { stdout, stderr, env: { HOME: work, ...env } });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const connection = () => ({ ESCALATE_URL: env.url, ESCALATE_API_KEY: env.tenant.keys.agent });

beforeAll(async () => {
  env = await startSdkTestEnv('tonal');
  work = await mkdtemp(join(tmpdir(), 'escalate-cli-commands-'));
}, 60_000);

afterAll(async () => {
  await env?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('escalate CLI commands', () => {
  it('--help works on every command and lists the exit codes', async () => {
    const top = await escalate(['--help'], {});
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Exit codes:');
    for (const command of [['route'], ['escalate'], ['cases', 'list'], ['import'], ['export'], ['whoami']]) {
      const help = await escalate([...command, '--help'], {});
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.stdout).toContain('Usage: escalate');
    }
  });

  it('missing configuration is one clear message and exit 2; a wrong key exits 3', async () => {
    const missing = await escalate(['cases', 'list'], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/ESCALATE_URL.*ESCALATE_API_KEY/);
    const wrongKey = await escalate(['whoami'], {
      ESCALATE_URL: env.url,
      ESCALATE_API_KEY: 'esk_000000000000_wrongwrongwrongwrongwrongwrongwrong',
    });
    expect(wrongKey.code).toBe(3);
    expect(wrongKey.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(3);
  });

  it('TON-4 X-2 route shows the decision without changing the case; escalate applies it with the note; exit codes say why', async () => {
    const created = await escalate(
      ['cases', 'create', '--subject', 'Delivery missed twice', '--customer', 'cli-1', '--json'],
      connection(),
    );
    expect(created.code).toBe(0);
    const caseId = JSON.parse(created.stdout).case.id as string;
    const text = 'The delivery was missed again. I want to talk to a supervisor.';

    const routed = await escalate(['route', caseId, '--text', text], connection());
    expect(routed.code).toBe(0);
    expect(routed.stdout).toMatch(/^ESCALATE: /);
    expect(routed.stdout).toContain('SUPERVISOR_REQUEST');
    expect(routed.stdout).toContain('reason, stepsTaken, offersMade, helpNeeded (required)');

    const noNote = await escalate(['escalate', caseId, '--text', text], connection());
    expect(noNote.code).toBe(5);
    expect(noNote.stderr).toContain('NOTE_REQUIRED');

    const note = ['reason=Asked for a supervisor', 'stepsTaken=Rebooked', 'offersMade=Credit', 'helpNeeded=Call today'];
    const applied = await escalate(
      ['escalate', caseId, '--text', text, ...note.flatMap((field) => ['--note', field]), '--json'],
      connection(),
    );
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({
      outcome: 'APPLIED',
      case: { status: 'OPEN', priority: 'HIGH' },
    });
  });

  it('cases list prints a table or JSON with filters; export writes NDJSON that import reads back', async () => {
    for (const index of [1, 2, 3]) {
      await escalate(
        ['cases', 'create', '--subject', `Listed ${index}`, '--customer', 'cli-list', '--priority', 'LOW'],
        connection(),
      );
    }
    const table = await escalate(['cases', 'list', '--customer', 'cli-list'], connection());
    expect(table.code).toBe(0);
    const rows = table.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^NUMBER\s+STATUS\s+PRIORITY/);
    expect(rows).toHaveLength(4);
    const json = await escalate(
      ['cases', 'list', '--customer', 'cli-list', '--status', 'new', '--json', '--limit', '2'],
      connection(),
    );
    expect(JSON.parse(json.stdout)).toHaveLength(2);
    const badStatus = await escalate(['cases', 'list', '--status', 'SLEEPING'], connection());
    expect(badStatus.code).toBe(2);

    const file = join(work, 'export.ndjson');
    const exported = await escalate(['export', '--customer', 'cli-list', '--output', file], connection());
    expect(exported.code).toBe(0);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
    // re-import into another organization's copy: same subjects, new cases
    const reimport = join(work, 'reimport.ndjson');
    await writeFile(
      reimport,
      lines.map((line) => JSON.stringify({ ...JSON.parse(line), customerRef: 'cli-reimported' })).join('\n'),
    );
    const imported = await escalate(
      ['import', reimport, '--results', join(work, 'reimport-results.ndjson')],
      connection(),
    );
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('Imported 3 of 3 lines');
  });

  it('a config file with profiles is read when flags and environment are absent', async () => {
    const file = join(work, 'config.json');
    await writeFile(file, JSON.stringify({ profiles: { tonal: { url: env.url, apiKey: env.tenant.keys.tier2 } } }));
    const whoami = await escalate(['whoami', '--config', file, '--profile', 'tonal'], {});
    expect(whoami.code).toBe(0);
    expect(JSON.parse(whoami.stdout).role).toBe('tier2');
  });
});
