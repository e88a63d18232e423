import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioInput } from '../testing/evaluation-kit.js';
import { ZDecision } from '../types.js';

const BIN = fileURLToPath(new URL('../../bin/escalate-rules.mjs', import.meta.url));

function run(args: string[], stdin = '') {
  const result = spawnSync(process.execPath, [BIN, ...args], { input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('escalate-rules CLI', () => {
  it('detect: NDJSON in, one NDJSON line out per input with codes, rule ids and offsets', () => {
    const lines = [
      { id: 'a', text: "If this isn't fixed by Friday I'll sue" },
      { id: 'b', text: "I'm not going to sue" },
      { id: 'c', text: 'Sue from billing said there is an issue' },
    ];
    const result = run(['detect'], `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    expect(result.code).toBe(0);
    const output = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(output.map((line) => line.id)).toEqual(['a', 'b', 'c']);
    expect(output[0].triggers[0]).toMatchObject({ code: 'LEGAL_THREAT', evidence: { kind: 'text' } });
    expect(typeof output[0].triggers[0].ruleId).toBe('string');
    expect(output[1].triggers).toEqual([]);
    expect(output[2].triggers).toEqual([]);
  });

  it('detect: a malformed line is reported on stderr and the exit code is non-zero', () => {
    const result = run(['detect'], '{"id":"ok","text":"hello"}\nnot json\n');
    expect(result.code).toBe(2);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('line 2');
  });

  it('decide: prints the decision JSON; --at sets the time', () => {
    const { now: _now, ...input } = scenarioInput('cinch', { signals: { agentFlags: ['LEGAL_THREAT'], values: {} } });
    const result = run(['decide', '--org', 'cinch', '--at', '2026-03-07T17:10:00-05:00'], JSON.stringify(input));
    expect(result.code).toBe(0);
    const decision = ZDecision.parse(JSON.parse(result.stdout));
    expect(decision.availability).toMatchObject({ openNow: false, nextOpeningAt: '2026-03-09T08:00:00-04:00' });
  });

  it('decide --explain prints a readable explanation', () => {
    const input = scenarioInput('tonal', { customerText: 'I want to speak to your manager now' });
    const result = run(['decide', '--org', 'tonal', '--explain'], JSON.stringify(input));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Winner: ton-1.supervisor-request');
    expect(result.stdout).toContain('✔ ton-1.supervisor-request');
    expect(result.stdout).toContain('Step order: NOTE → QUEUE → STATUS_OPEN → PRIORITY');
  });

  it('decide: unknown org and a time without zone are errors, never defaults', () => {
    const unknown = run(['decide', '--org', 'acme'], JSON.stringify(scenarioInput('acme')));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown organization slug "acme"');
    const noZone = run(
      ['decide', '--org', 'cinch', '--at', '2026-03-07T17:10:00'],
      JSON.stringify(scenarioInput('cinch')),
    );
    expect(noZone.code).toBe(2);
    expect(noZone.stderr).toContain('no offset or zone');
  });

  it('lint: shipped packs are clean (exit 0)', () => {
    const result = run(['lint']);
    expect(result.stdout).toMatch(/cinch v\d+: ok/);
    expect(result.code).toBe(0);
  });
});
