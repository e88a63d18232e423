import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SdkTestEnv, startSdkTestEnv } from './testing/sdk-test-env.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const nodeArgs = (script: string) => ['--conditions=@escalate/source', '--import', 'tsx', `${examples}${script}`];

let env: SdkTestEnv;

function runExample(script: string, apiKey: string, args: string[] = []) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [...nodeArgs(script), ...args],
      { cwd: examples, env: { ...process.env, ESCALATE_URL: env.url, ESCALATE_API_KEY: apiKey } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  env = await startSdkTestEnv('tonal');
});

afterAll(async () => {
  await env?.close();
});

describe('examples/ run against the server', () => {
  it('route-a-case opens, routes and escalates a case with the note the policy asks for', async () => {
    const run = await runExample('route-a-case.ts', env.tenant.keys.agent ?? '');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/Opened CASE-\d{6}/);
    expect(run.stdout).toContain('triggers: SUPERVISOR_REQUEST');
    expect(run.stdout).toMatch(/APPLIED: CASE-\d{6} is OPEN in supervisor-escalations/);
  });

  it('bulk-import creates the good lines, reports the bad ones, and a re-run creates nothing twice', async () => {
    const first = await runExample('bulk-import.ts', env.tenant.keys.agent ?? '');
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('3 cases created or found again; 2 line(s) failed');
    expect(first.stdout).toContain('line 3: not valid JSON');
    expect(first.stdout).toMatch(/line 4: VALIDATION_FAILED/);
    const again = await runExample('bulk-import.ts', env.tenant.keys.agent ?? '');
    expect(again.stdout).toContain('3 cases created or found again');
    const count = await env.kit.db.case.count({
      where: { tenantId: env.tenant.tenantId, customerRef: { startsWith: 'member-200' } },
    });
    expect(count).toBe(2);
  });

  it('watch-live-alerts prints an alert when a health and safety case is escalated', async () => {
    const child = spawn(process.execPath, nodeArgs('watch-live-alerts.ts'), {
      cwd: examples,
      env: { ...process.env, ESCALATE_URL: env.url, ESCALATE_API_KEY: env.tenant.keys.tier1_supervisor ?? '' },
    });
    let output = '';
    const alerted = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/CASE-\d{6} \(/.test(output)) resolve();
      });
    });
    try {
      // the example watches with `since` its start time, so the alert is not missed even if
      // it is raised before the stream is open on the server
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      const client = env.client('agent');
      const { case: injured } = await client.cases.create({
        subject: 'Injury during a workout',
        customerRef: 'example-alert',
      });
      await client.cases.escalate(injured.id, {
        expectedVersion: 1,
        text: 'The arm snapped back and hit my shoulder.',
        signals: { agentFlags: ['HEALTH_SAFETY'] },
        note: {
          reason: 'Injury',
          stepsTaken: 'Stopped the session',
          offersMade: 'None yet',
          helpNeeded: 'Safety review',
        },
      });
      await alerted;
      expect(output).toContain(injured.displayNumber);
    } finally {
      child.kill('SIGINT');
    }
  }, 60_000);
});
