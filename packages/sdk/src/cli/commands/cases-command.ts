import { Command, Option } from 'commander';
import type { CaseFilter, CasePriority, CaseStatus, Tier } from '../../_generated/graphql.js';
import type { Case } from '../../resources/cases.js';
import { type CliIo, clientFor, collectList, usageError, writeJson } from '../context.js';
import { formatTable } from '../format-table.js';

const STATUSES: CaseStatus[] = [
  'NEW',
  'OPEN',
  'ESCALATED',
  'PENDING_APPROVAL',
  'WAITING_ON_CUSTOMER',
  'RESOLVED',
  'CLOSED',
];
const PRIORITIES: CasePriority[] = ['CRITICAL', 'URGENT', 'HIGH', 'NORMAL', 'LOW'];
const TIERS: Tier[] = ['TIER1', 'TIER2', 'TIER3'];

export interface FilterFlags {
  status?: string[];
  priority?: string[];
  tier?: string[];
  queue?: string;
  search?: string;
  customer?: string;
  trigger?: string;
  breached?: boolean;
}

function checked<T extends string>(values: string[] | undefined, allowed: readonly T[], flag: string): T[] | undefined {
  if (!values?.length) return undefined;
  const upper = values.map((value) => value.toUpperCase());
  const wrong = upper.filter((value) => !allowed.includes(value as T));
  if (wrong.length) throw usageError(`--${flag} ${wrong.join(',')} is not one of ${allowed.join(', ')}`);
  return upper as T[];
}

export function filterFromFlags(flags: FilterFlags): CaseFilter {
  const filter: CaseFilter = {};
  const status = checked(flags.status, STATUSES, 'status');
  const priority = checked(flags.priority, PRIORITIES, 'priority');
  const tier = checked(flags.tier, TIERS, 'tier');
  if (status) filter.status = status;
  if (priority) filter.priority = priority;
  if (tier) filter.tier = tier;
  if (flags.queue) filter.queue = flags.queue;
  if (flags.search) filter.search = flags.search;
  if (flags.customer) filter.customerRef = flags.customer;
  if (flags.trigger) filter.trigger = flags.trigger;
  if (flags.breached !== undefined) filter.breached = flags.breached;
  return filter;
}

/** The filter flags shared by `cases list` and `export`. */
export function addFilterOptions(command: Command): Command {
  return command
    .option('--status <status>', `status, repeatable or comma-separated (${STATUSES.join(', ')})`, collectList)
    .option('--priority <priority>', `priority (${PRIORITIES.join(', ')})`, collectList)
    .option('--tier <tier>', `tier (${TIERS.join(', ')})`, collectList)
    .option('--queue <slug>', 'queue slug')
    .option('--search <text>', 'text in the subject')
    .option('--customer <ref>', 'customer reference')
    .option('--trigger <code>', 'trigger code of the last routing decision')
    .option('--breached', 'only cases past their SLA due time');
}

function caseRow(item: Case): string[] {
  return [
    item.displayNumber,
    item.status,
    item.priority,
    item.tier,
    item.queue?.slug ?? '-',
    item.assignee?.name ?? '-',
    item.createdAt.slice(0, 16).replace('T', ' '),
    item.subject,
  ];
}

export function casesCommand(io: CliIo): Command {
  const cases = new Command('cases').description('list and show cases');

  addFilterOptions(
    cases
      .command('list')
      .description('list cases, newest first (a table, or --json)')
      .option('--limit <n>', 'at most this many cases (default 50)', (value) => Number.parseInt(value, 10))
      .option('--all', 'every matching case (pages through all of them)')
      .option('--json', 'print JSON instead of a table'),
  ).action(async (flags: FilterFlags & { limit?: number; all?: boolean; json?: boolean }, command: Command) => {
    const client = await clientFor(command, io);
    const limit = flags.all ? undefined : (flags.limit ?? 50);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
      throw usageError('--limit must be a positive number');
    const items = await client.cases.list({ filter: filterFromFlags(flags), ...(limit ? { limit } : {}) }).toArray();
    if (flags.json) {
      writeJson(io, items);
      return;
    }
    if (items.length === 0) {
      io.stderr.write('No cases match.\n');
      return;
    }
    const headers = ['NUMBER', 'STATUS', 'PRIORITY', 'TIER', 'QUEUE', 'ASSIGNEE', 'CREATED (UTC)', 'SUBJECT'];
    io.stdout.write(`${formatTable(headers, items.map(caseRow))}\n`);
  });

  cases
    .command('get')
    .description('show one case as JSON')
    .argument('<caseId>', 'case id')
    .option('--json', 'print JSON (the default)')
    .action(async (caseId: string, _flags: unknown, command: Command) => {
      const client = await clientFor(command, io);
      writeJson(io, await client.cases.get(caseId));
    });

  cases
    .command('create')
    .description('open a case')
    .requiredOption('--subject <text>', 'what the case is about')
    .requiredOption('--customer <ref>', "the customer's id in your systems")
    .option('--description <text>', 'longer description')
    .option('--concern <text>', 'concern (with the customer, detects duplicates)')
    .addOption(new Option('--priority <priority>', 'priority').choices(PRIORITIES))
    .option('--queue <slug>', 'queue slug')
    .option('--idempotency-key <key>', 'repeat with the same key to get the first result')
    .option('--json', 'print JSON (the default)')
    .action(async (flags: Record<string, string | undefined>, command: Command) => {
      const client = await clientFor(command, io);
      const result = await client.cases.create({
        subject: flags.subject ?? '',
        customerRef: flags.customer ?? '',
        description: flags.description ?? null,
        concern: flags.concern ?? null,
        priority: (flags.priority as CasePriority | undefined) ?? null,
        queue: flags.queue ?? null,
        idempotencyKey: flags.idempotencyKey ?? null,
      });
      writeJson(io, result);
    });

  return cases;
}
