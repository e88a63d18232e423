/**
 * A realistic mixed input set over every shipped pack: customer messages and agent notes with
 * and without triggers (including negations and false friends), structured signals, and times
 * inside and outside business hours. Generated from a fixed seed, so every run is the same.
 */
import { parseEvaluationInput } from '../engine/evaluate.js';
import type { TEvaluationInput } from '../types.js';

const CUSTOMER_TEXTS = [
  'Hi, how do I change the billing address on my account?',
  "I've been waiting three weeks for the part you ordered, this is ridiculous.",
  'The technician never showed up for the appointment yesterday.',
  'I want to speak to your manager right now.',
  "If this isn't fixed by Friday I'll sue.",
  "I'm not going to sue, I just want it fixed.",
  'I already spoke to a supervisor and I want someone above them.',
  "I'm going to leave a review on Google and the BBB about this.",
  'There is water all over my kitchen floor from the unit and nobody from the provider called back.',
  'I want a call back from your CEO.',
  'Sue from billing said there was an issue with the transaction.',
  'Thanks, that answers my question!',
  'The claim credit you gave me is way below the cap, I disagree with that amount.',
  'The replacement you offered is the wrong color and brand.',
  'You said the compressor failure is not covered? That makes no sense.',
  'I had a plumber fix it before I called you, can I get reimbursed?',
  "It's urgent, my session is tonight and the screen won't turn on.",
  'The cable snapped and hit my arm, I had to go to urgent care.',
  'My password manager keeps logging me out of the app.',
  'We smell gas near the water heater.',
  'Can you review my account and tell me when the next bill is?',
  'I will dispute the charge with my bank if you do not refund me.',
  'This is the third time the replacement arrived broken.',
  'Please delete my review from your site.',
];

const AGENT_NOTES = [
  '',
  '',
  'cx upset, asked for sup twice',
  'mbr reports smoke from the unit',
  'called SP, no answer re: water damage',
  'offered 10% discount, declined',
  'T2 approved by sup',
];

const FLAG_SETS = [
  [],
  [],
  [],
  ['SOS_HIGH_RISK'],
  ['PROPERTY_DAMAGE_NO_PROVIDER_RESPONSE'],
  ['CALLBACK_EXCEPTION_GRANTED'],
  ['CUSTOMER_REFUSES_INFO'],
  ['TIER3_NEEDED'],
  ['TIME_SENSITIVE'],
  ['HEALTH_SAFETY'],
];

const TIMES = [
  '2026-03-04T10:00:00-05:00',
  '2026-03-07T17:10:00-05:00',
  '2026-03-08T03:30:00-04:00',
  '2026-11-01T01:30:00-04:00',
  '2026-06-15T21:30:00-04:00',
  '2026-12-25T09:00:00-05:00',
];

/** mulberry32: a small seeded generator, so the set is identical on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

/** Texts to use instead of the small fixed lists: input i gets customer[i] and notes[i]. */
export interface BenchTexts {
  customer: readonly string[];
  notes: readonly string[];
}

export function buildBenchInputs(
  orgSlugs: readonly string[],
  count: number,
  seed = 42,
  texts?: BenchTexts,
): TEvaluationInput[] {
  return buildBenchInputJson(orgSlugs, count, seed, texts).map(parseEvaluationInput);
}

/** Inputs as stored JSON (what a replay reads back), not yet validated. */
export function buildBenchInputJson(orgSlugs: readonly string[], count: number, seed = 42, texts?: BenchTexts) {
  const random = seededRandom(seed);
  const inputs = [];
  for (let index = 0; index < count; index++) {
    const orgSlug = orgSlugs[index % orgSlugs.length] ?? 'cinch';
    const customerText = texts ? (texts.customer[index] ?? '') : pick(random, CUSTOMER_TEXTS);
    const agentNote = texts ? (texts.notes[index] ?? '') : pick(random, AGENT_NOTES);
    inputs.push({
      orgSlug,
      actorRole: 'agent',
      now: pick(random, TIMES),
      customerText,
      agentNote,
      signals: {
        agentFlags: pick(random, FLAG_SETS),
        sentiment: random() < 0.5 ? Math.round((random() * 2 - 1) * 100) / 100 : undefined,
        supervisorApproved: random() < 0.2 ? true : undefined,
        jobStatus: random() < 0.1 ? pick(random, ['REJECTED', 'EXPIRED', 'SCHEDULED'] as const) : undefined,
        values: {},
      },
      case: {
        reference: `CASE-${String(index).padStart(6, '0')}`,
        status: 'OPEN',
        priority: pick(random, ['NORMAL', 'HIGH'] as const),
        tier: pick(random, ['TIER1', 'TIER1', 'TIER2'] as const),
        brand: orgSlug === 'll' ? pick(random, ['TSM', 'HB'] as const) : undefined,
        channel: pick(random, ['PHONE', 'CHAT', 'EMAIL'] as const),
        rmaCount: Math.floor(random() * 3),
        monthlyBillingsRefunded: Math.floor(random() * 5),
        programPurchaseRefunds: Math.floor(random() * 5),
        refundsByReason: random() < 0.2 ? { PROVIDER_NO_SHOW: Math.floor(random() * 4) } : {},
        lastRefundProcessedAt: random() < 0.2 ? '2026-02-01T12:00:00Z' : undefined,
        customer: {
          preferredName: random() < 0.2 ? 'Alex' : undefined,
          legalName: 'Jordan Smith',
          signInMethods: ['password'],
        },
      },
    });
  }
  return inputs;
}
