import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { RoutingSignalsInput } from '../../_generated/graphql.js';
import type { RoutingDecision } from '../../resources/case-workflow.js';
import { type CliIo, clientFor, collectList, usageError, writeJson } from '../context.js';

interface RoutingFlags {
  text?: string;
  textFile?: string;
  agentNote?: string;
  flag?: string[];
  json?: boolean;
}

async function messageText(flags: RoutingFlags): Promise<string | null> {
  if (flags.text && flags.textFile) throw usageError('use --text or --text-file, not both');
  if (flags.textFile) return flags.textFile === '-' ? await readStdin() : await readFile(flags.textFile, 'utf8');
  return flags.text ?? null;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function signals(flags: RoutingFlags): RoutingSignalsInput | null {
  return flags.flag?.length ? { agentFlags: flags.flag } : null;
}

function parseNote(values: string[] | undefined): Record<string, string> | null {
  if (!values?.length) return null;
  const note: Record<string, string> = {};
  for (const value of values) {
    const separator = value.indexOf('=');
    if (separator < 1)
      throw usageError(`--note ${value}: expected field=text, e.g. --note reason="Asked for a supervisor"`);
    note[value.slice(0, separator)] = value.slice(separator + 1);
  }
  return note;
}

function describeDecision(decision: RoutingDecision): string {
  const target = [decision.target.tier, decision.target.team, decision.target.queue].filter(Boolean).join(' / ');
  const lines = [
    `${decision.outcome}: ${decision.summary}`,
    `  target:    ${target || '-'}`,
    `  triggers:  ${decision.triggerCodes.join(', ') || '-'}`,
    `  status:    ${decision.setStatus ?? '-'}   priority: ${decision.setPriority ?? '-'}`,
    `  policy:    version ${decision.policyVersion}`,
  ];
  if (decision.requiredNoteFields.length)
    lines.push(`  note:      ${decision.requiredNoteFields.join(', ')} (required)`);
  if (decision.approval.required)
    lines.push(`  approval:  ${decision.approval.approverRole ?? 'required'} — ${decision.approval.reason ?? ''}`);
  for (const guidance of decision.guidance) lines.push(`  guidance:  ${guidance}`);
  return lines.join('\n');
}

function addMessageOptions(command: Command): Command {
  return command
    .option('--text <message>', "the customer's message")
    .option('--text-file <file>', 'read the message from a file ("-" for stdin)')
    .option('--agent-note <text>', "the agent's own note")
    .option('--flag <code>', 'agent flag, repeatable or comma-separated (e.g. HEALTH_SAFETY)', collectList)
    .option('--json', 'print JSON');
}

export function routeCommand(io: CliIo): Command {
  return addMessageOptions(
    new Command('route')
      .description('show where a case would go and why, without changing anything (dry run)')
      .argument('<caseId>', 'case id'),
  )
    .option('--at <time>', 'decide as of this ISO time with offset (replay)')
    .option('--policy-version <n>', 'use this stored policy version', (value) => Number.parseInt(value, 10))
    .action(async (caseId: string, flags: RoutingFlags & { at?: string; policyVersion?: number }, command: Command) => {
      const client = await clientFor(command, io);
      const decision = await client.cases.route(caseId, {
        text: await messageText(flags),
        agentNote: flags.agentNote ?? null,
        signals: signals(flags),
        at: flags.at ?? null,
        policyVersion: flags.policyVersion ?? null,
      });
      if (flags.json) writeJson(io, decision);
      else io.stdout.write(`${describeDecision(decision)}\n`);
    });
}

export function escalateCommand(io: CliIo): Command {
  return addMessageOptions(
    new Command('escalate')
      .description('apply the routing decision to a case: note, queue, status, priority, notifications')
      .argument('<caseId>', 'case id'),
  )
    .option('--expected-version <n>', 'the case version you based this on (default: the current one)', (value) =>
      Number.parseInt(value, 10),
    )
    .option(
      '--note <field=text>',
      'handoff note field, repeatable (see `escalate route` for the required ones)',
      (value, previous: string[] = []) => [...previous, value],
    )
    .option('--idempotency-key <key>', 'repeat with the same key to get the first result')
    .action(
      async (
        caseId: string,
        flags: RoutingFlags & { expectedVersion?: number; note?: string[]; idempotencyKey?: string },
        command: Command,
      ) => {
        const client = await clientFor(command, io);
        const expectedVersion = flags.expectedVersion ?? (await client.cases.get(caseId)).version;
        const result = await client.cases.escalate(
          caseId,
          {
            expectedVersion,
            text: await messageText(flags),
            agentNote: flags.agentNote ?? null,
            signals: signals(flags),
            note: parseNote(flags.note),
          },
          flags.idempotencyKey ? { idempotencyKey: flags.idempotencyKey } : {},
        );
        if (flags.json) {
          writeJson(io, result);
          return;
        }
        const item = result.case;
        io.stdout.write(
          `${result.outcome}: ${item.displayNumber} is ${item.status}, priority ${item.priority}, queue ${item.queue?.slug ?? '-'}` +
            `${item.assignee ? `, assigned to ${item.assignee.name}` : ''}\n${describeDecision(result.decision)}\n`,
        );
      },
    );
}
