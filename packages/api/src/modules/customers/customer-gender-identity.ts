import { z } from 'zod';
import type { Context } from '../../context.js';
import { parseInput } from '../../errors/zod-error.js';
import { type EscalationResult, escalateCase, ZEscalateCaseInput } from '../routing/index.js';

/**
 * CARE-G1 categories of gender identity concerns (sops/care-tier2-escalations.txt, "Gender
 * Sensitivity Concerns"). A concern raised by category routes like one found by keyword: the
 * policy sees the GENDER_IDENTITY_CONCERN flag and the category as a named value.
 */
export const GENDER_IDENTITY_CATEGORIES = [
  'GENDER_OPTIONS',
  'SAFETY_BECAUSE_OF_GENDER_OR_NAME',
  'LEGAL_VS_DISPLAY_NAME',
  'NAME_OR_GENDER_UPDATE',
  'LGBTQ_CONTENT',
] as const;
export type GenderIdentityCategory = (typeof GENDER_IDENTITY_CATEGORIES)[number];
export const GENDER_IDENTITY_FLAG = 'GENDER_IDENTITY_CONCERN';

export const ZRaiseGenderIdentityConcernInput = z.object({
  caseId: z.string().min(1),
  category: z.enum(GENDER_IDENTITY_CATEGORIES),
  expectedVersion: z.number().int().min(1),
  /** the member's words, when there are any */
  text: z.string().max(20_000).nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

/** Escalates a case for a gender identity concern chosen by category (CARE-G1), through the policy. */
export async function raiseGenderIdentityConcern(
  context: Context,
  input: z.output<typeof ZRaiseGenderIdentityConcernInput>,
): Promise<EscalationResult> {
  const caseId = input.caseId;
  return escalateCase(
    context,
    caseId,
    parseInput(ZEscalateCaseInput, {
      expectedVersion: input.expectedVersion,
      text: input.text ?? null,
      signals: { agentFlags: [GENDER_IDENTITY_FLAG], values: { genderIdentityCategory: input.category } },
      idempotencyKey: input.idempotencyKey ?? null,
    }),
  );
}
