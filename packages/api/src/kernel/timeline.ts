import type { Context } from '../context.js';
import type { TenantTransaction } from './transaction.js';

export interface TimelineEntry {
  caseId: string | null;
  type: string;
  /** what changed, e.g. `{ status: { before: 'NEW', after: 'OPEN' } }`, or event data */
  data?: Record<string, unknown>;
  /** for routing decisions: the decision with its full explanation */
  decision?: unknown;
  policyVersion?: number | null;
}

/** Appends an event to the insert-only timeline, in the caller's transaction. */
export async function recordTimelineEvent(
  tx: TenantTransaction,
  context: Context,
  entry: TimelineEntry,
): Promise<void> {
  await tx.timelineEvent.create({
    data: {
      tenantId: context.viewer.tenantId,
      caseId: entry.caseId,
      actorId: context.viewer.userId,
      type: entry.type,
      data: (entry.data ?? {}) as object,
      decision: entry.decision === undefined ? undefined : (entry.decision as object),
      policyVersion: entry.policyVersion ?? null,
      requestId: context.requestId,
    },
  });
}

/**
 * Timeline events collected during a write and inserted together (one statement) by flush():
 * they keep the order in which they were added. Flush before anything that records events of
 * its own, so the timeline's order stays the order of the changes.
 */
export class TimelineBatch {
  private entries: TimelineEntry[] = [];

  constructor(private readonly context: Context) {}

  add(entry: TimelineEntry): void {
    this.entries.push(entry);
  }

  async flush(tx: TenantTransaction): Promise<void> {
    if (this.entries.length === 0) return;
    const { context } = this;
    const data = this.entries.map((entry) => ({
      tenantId: context.viewer.tenantId,
      caseId: entry.caseId,
      actorId: context.viewer.userId,
      type: entry.type,
      data: (entry.data ?? {}) as object,
      decision: entry.decision === undefined ? undefined : (entry.decision as object),
      policyVersion: entry.policyVersion ?? null,
      requestId: context.requestId,
    }));
    this.entries = [];
    await tx.timelineEvent.createMany({ data });
  }
}

/** Before/after pairs for the fields that actually changed. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const previous = before[field];
    if (JSON.stringify(previous) !== JSON.stringify(value)) changes[field] = { before: previous ?? null, after: value };
  }
  return changes;
}
