import { addBusinessMinutes, type TBusinessCalendar, type TSla } from '@escalate/rules';
import type { Context } from '../../context.js';
import type { Prisma } from '../../db/prisma-client.js';
import { policyByVersion } from '../policy/index.js';

/** How a case's due time was computed (Case.slaExplanation). */
export interface SlaRecord {
  calendar: string | null;
  policyVersion: number | null;
  businessMinutes: number;
  startAt: string;
  dueAt: string;
  /** set while the clock is paused: business minutes still left */
  remainingBusinessMinutes: number | null;
  /** one line per computation or pause, oldest first */
  history: string[];
}

export interface SlaView {
  startedAt: Date | null;
  dueAt: Date | null;
  paused: boolean;
  pausedAt: Date | null;
  businessMinutes: number | null;
  remainingBusinessMinutes: number | null;
  calendar: string | null;
  breached: boolean;
  explanation: string;
}

type CaseSlaFields = {
  slaStartedAt: Date | null;
  slaDueAt: Date | null;
  slaPausedAt: Date | null;
  slaBusinessMinutes: number | null;
  slaExplanation: unknown;
  closedAt: Date | null;
};

export function slaRecordOf(value: unknown): SlaRecord | null {
  if (!value || typeof value !== 'object' || !('dueAt' in value)) return null;
  return value as SlaRecord;
}

/** Case fields for a fresh SLA clock taken from a routing decision (CIN-3: business time). */
export function slaDataFromDecision(
  sla: TSla,
  policyVersion: number,
  paused: Date | null,
  calendar: TBusinessCalendar | null,
): Prisma.CaseUncheckedUpdateManyInput {
  const record: SlaRecord = {
    calendar: sla.calendar,
    policyVersion,
    businessMinutes: sla.businessMinutes,
    startAt: sla.startAt,
    dueAt: sla.dueAt,
    remainingBusinessMinutes: null,
    history: [sla.explanation],
  };
  const data: Prisma.CaseUncheckedUpdateManyInput = {
    slaStartedAt: new Date(sla.startAt),
    slaDueAt: new Date(sla.dueAt),
    slaBusinessMinutes: sla.businessMinutes,
    slaPausedAt: null,
    slaExplanation: record as object,
  };
  return paused ? { ...data, ...pauseData({ ...record }, paused, calendar) } : data;
}

/** Recomputes a decision's SLA from another start time (an approval applies it later). */
export function restartSla(sla: TSla, calendar: TBusinessCalendar | null, at: Date): TSla {
  if (!calendar) {
    const dueAt = new Date(at.getTime() + sla.businessMinutes * 60_000).toISOString();
    return {
      ...sla,
      startAt: at.toISOString(),
      dueAt,
      explanation: `${sla.businessMinutes} minutes from ${at.toISOString()}`,
    };
  }
  const result = addBusinessMinutes(calendar, at, sla.businessMinutes);
  return { ...sla, startAt: result.startAt, dueAt: result.dueAt, explanation: result.explanation };
}

/** Business minutes left between `from` and `dueAt` on the calendar (0 when already due). */
function remainingMinutes(calendar: TBusinessCalendar | null, from: Date, dueAt: Date, upperBound: number): number {
  if (dueAt.getTime() <= from.getTime()) return 0;
  if (!calendar) return Math.ceil((dueAt.getTime() - from.getTime()) / 60_000);
  // smallest n with from + n business minutes >= dueAt; addBusinessMinutes is monotonic in n
  let low = 0;
  let high = Math.max(upperBound, 1);
  while (new Date(addBusinessMinutes(calendar, from, high).dueAt).getTime() < dueAt.getTime()) high *= 2;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (new Date(addBusinessMinutes(calendar, from, middle).dueAt).getTime() >= dueAt.getTime()) high = middle;
    else low = middle + 1;
  }
  return low;
}

function pauseData(
  record: SlaRecord,
  at: Date,
  calendar: TBusinessCalendar | null,
): Prisma.CaseUncheckedUpdateManyInput {
  const remaining = remainingMinutes(calendar, at, new Date(record.dueAt), record.businessMinutes);
  return {
    slaPausedAt: at,
    slaExplanation: {
      ...record,
      remainingBusinessMinutes: remaining,
      history: [
        ...record.history,
        `paused at ${at.toISOString()} while waiting on the customer, ${remaining} business minutes left`,
      ],
    } as object,
  };
}

async function calendarOf(
  db: Pick<Context['db'], 'policyVersion'>,
  record: SlaRecord,
): Promise<TBusinessCalendar | null> {
  if (!record.calendar || !record.policyVersion) return null;
  const policy = await policyByVersion(db, record.policyVersion).catch(() => null);
  return policy?.compiled.pack.calendars[record.calendar] ?? null;
}

/**
 * SLA changes for a status change: the clock pauses while waiting on the customer and resumes
 * (due time recomputed from the minutes left) when the case moves on.
 */
export async function slaDataForStatus(
  db: Pick<Context['db'], 'policyVersion'>,
  row: CaseSlaFields,
  nextStatus: string,
  at: Date,
): Promise<Prisma.CaseUncheckedUpdateManyInput> {
  const record = slaRecordOf(row.slaExplanation);
  if (!record || !row.slaDueAt) return {};
  const waiting = nextStatus === 'WAITING_ON_CUSTOMER';
  if (waiting && !row.slaPausedAt) return pauseData(record, at, await calendarOf(db, record));
  if (!waiting && row.slaPausedAt) {
    const calendar = await calendarOf(db, record);
    const remaining = record.remainingBusinessMinutes ?? 0;
    const resumed = calendar
      ? addBusinessMinutes(calendar, at, remaining).dueAt
      : new Date(at.getTime() + remaining * 60_000).toISOString();
    return {
      slaPausedAt: null,
      slaDueAt: new Date(resumed),
      slaExplanation: {
        ...record,
        dueAt: resumed,
        remainingBusinessMinutes: null,
        history: [
          ...record.history,
          `resumed at ${at.toISOString()} with ${remaining} business minutes left; due ${resumed}`,
        ],
      } as object,
    };
  }
  return {};
}

/** The SLA as clients see it; breached means an open, running clock past its due time. */
export function slaView(row: CaseSlaFields, now: Date): SlaView {
  const record = slaRecordOf(row.slaExplanation);
  const paused = row.slaPausedAt !== null;
  const breached = !paused && row.closedAt === null && row.slaDueAt !== null && row.slaDueAt.getTime() < now.getTime();
  let explanation = 'no SLA applies to this case';
  if (record) {
    explanation = record.history.join('; ');
    if (paused) explanation += `; paused since ${row.slaPausedAt?.toISOString()}`;
  }
  return {
    startedAt: row.slaStartedAt,
    dueAt: paused ? null : row.slaDueAt,
    paused,
    pausedAt: row.slaPausedAt,
    businessMinutes: row.slaBusinessMinutes,
    remainingBusinessMinutes: record?.remainingBusinessMinutes ?? null,
    calendar: record?.calendar ?? null,
    breached,
    explanation,
  };
}
