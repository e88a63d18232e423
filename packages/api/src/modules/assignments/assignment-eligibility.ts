import { randomInt } from 'node:crypto';

/**
 * Who may receive an assignment and who gets it — pure functions over facts loaded (and
 * locked) by the assignment service, so the choice is explainable and testable.
 */
export const ASSIGNMENT_STRATEGIES = ['DIRECT', 'ROUND_ROBIN', 'LEAST_LOADED', 'RANDOM'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

export interface AssignmentCandidate {
  id: string;
  name: string;
  role: string;
  availability: string;
  outOfOffice: boolean;
  capacity: number;
  openAssignments: number;
  lastAssignedAt: Date | null;
}

export type ExclusionCode = 'NOT_ONLINE' | 'OUT_OF_OFFICE' | 'OUTSIDE_BUSINESS_HOURS' | 'AT_CAPACITY';

export interface CandidateVerdict {
  userId: string;
  name: string;
  eligible: boolean;
  openAssignments: number;
  capacity: number;
  excludedBecause: { code: ExclusionCode; message: string }[];
}

export interface BusinessHoursState {
  calendar: string;
  open: boolean;
  explanation: string;
}

export interface AssignmentExplanation {
  strategy: AssignmentStrategy;
  /** what the pool was, e.g. `team tier3`, `skill resolution_lead`, `user Demo Agent` */
  pool: string;
  businessHours: BusinessHoursState | null;
  candidates: CandidateVerdict[];
  eligible: string[];
  chosenUserId: string | null;
  why: string;
}

export interface JudgeOptions {
  businessHours: BusinessHoursState | null;
  /** availability, out of office and hours are advisory (a direct assignment to a named person) */
  advisoryAvailability?: boolean;
}

export function judgeCandidate(candidate: AssignmentCandidate, options: JudgeOptions): CandidateVerdict {
  const excludedBecause: CandidateVerdict['excludedBecause'] = [];
  if (!options.advisoryAvailability) {
    if (candidate.availability !== 'ONLINE') {
      excludedBecause.push({ code: 'NOT_ONLINE', message: `availability is ${candidate.availability}` });
    }
    if (candidate.outOfOffice) excludedBecause.push({ code: 'OUT_OF_OFFICE', message: 'out of office' });
    if (options.businessHours && !options.businessHours.open) {
      excludedBecause.push({ code: 'OUTSIDE_BUSINESS_HOURS', message: options.businessHours.explanation });
    }
  }
  if (candidate.openAssignments >= candidate.capacity) {
    excludedBecause.push({
      code: 'AT_CAPACITY',
      message: `${candidate.openAssignments} open assignments, capacity ${candidate.capacity}`,
    });
  }
  return {
    userId: candidate.id,
    name: candidate.name,
    eligible: excludedBecause.length === 0,
    openAssignments: candidate.openAssignments,
    capacity: candidate.capacity,
    excludedBecause,
  };
}

function byId(a: AssignmentCandidate, b: AssignmentCandidate): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Picks one eligible candidate by the strategy; `random(n)` returns an integer in [0, n). */
export function chooseCandidate(
  strategy: AssignmentStrategy,
  eligible: AssignmentCandidate[],
  random: (n: number) => number = randomInt,
): { chosen: AssignmentCandidate | null; why: string } {
  if (eligible.length === 0) return { chosen: null, why: 'nobody was eligible' };
  switch (strategy) {
    case 'ROUND_ROBIN': {
      // the member who waited longest since their last assignment (never assigned first)
      const sorted = [...eligible].sort(
        (a, b) => (a.lastAssignedAt?.getTime() ?? -1) - (b.lastAssignedAt?.getTime() ?? -1) || byId(a, b),
      );
      const chosen = sorted[0] ?? null;
      return {
        chosen,
        why: chosen?.lastAssignedAt
          ? `round robin: last assigned ${chosen.lastAssignedAt.toISOString()}, longest ago of the eligible members`
          : 'round robin: never assigned before',
      };
    }
    case 'LEAST_LOADED':
    case 'DIRECT': {
      const load = (candidate: AssignmentCandidate) => candidate.openAssignments / Math.max(1, candidate.capacity);
      const sorted = [...eligible].sort(
        (a, b) =>
          load(a) - load(b) || (a.lastAssignedAt?.getTime() ?? -1) - (b.lastAssignedAt?.getTime() ?? -1) || byId(a, b),
      );
      const chosen = sorted[0] ?? null;
      return {
        chosen,
        why: chosen
          ? `${strategy === 'DIRECT' ? 'direct' : 'least loaded'}: ${chosen.openAssignments} of ${chosen.capacity} open assignments, the lowest load`
          : 'nobody was eligible',
      };
    }
    case 'RANDOM': {
      const sorted = [...eligible].sort(byId);
      const chosen = sorted[random(sorted.length)] ?? null;
      return { chosen, why: `random: uniformly among ${sorted.length} eligible members` };
    }
  }
}
