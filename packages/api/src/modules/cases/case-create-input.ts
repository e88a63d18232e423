import { z } from 'zod';
import { refuseRecordedSignals } from '../../kernel/recorded-signals.js';
import { CASE_PRIORITIES, CHANNELS } from './case-vocabulary.js';

/** What a new case needs (createCase, and each item of createCases). */
const ZSlug = z.string().trim().min(1).max(80);

export const ZCreateCaseInput = z.object({
  subject: z.string().trim().min(1, 'is required').max(500),
  description: z.string().max(20_000).nullish(),
  customerRef: z.string().trim().min(1, 'is required').max(200),
  concern: z.string().trim().min(1).max(200).nullish(),
  externalCrmNumber: z.string().trim().min(1).max(100).nullish(),
  priority: z.enum(CASE_PRIORITIES).nullish(),
  channel: z.enum(CHANNELS).nullish(),
  brand: z.string().trim().min(1).max(40).nullish(),
  queue: ZSlug.nullish(),
  signals: z
    .record(z.string(), z.unknown())
    .superRefine((signals, ctx) => refuseRecordedSignals(signals, ctx))
    .nullish(),
  allowDuplicate: z.boolean().nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});
export type TCreateCaseInput = z.infer<typeof ZCreateCaseInput>;
