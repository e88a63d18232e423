import { z } from 'zod';
import { compilePattern } from './pattern.js';

/** A token pattern (syntax in pattern.ts); checked by compiling it. */
export const ZTokenPattern = z.string().superRefine((source, context) => {
  try {
    compilePattern(source);
  } catch (error) {
    context.addIssue({
      code: 'custom',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});

/**
 * Where a guard or context pattern is looked for, relative to the cue's match:
 * `overlap` shares a token with the cue, `before`/`after` lie in the cue's clause on that side,
 * `clause`, `sentence` and `message` anywhere in that span.
 */
export const ZPatternScope = z.enum(['overlap', 'before', 'after', 'clause', 'sentence', 'message']);
export type TPatternScope = z.infer<typeof ZPatternScope>;

export const ZScopedPatterns = z.object({
  scope: ZPatternScope,
  /** Any one of these counts. */
  anyOf: z.array(ZTokenPattern).min(1),
});
export type TScopedPatterns = z.infer<typeof ZScopedPatterns>;

export const ZTriggerCue = z.object({
  /** Stable id, unique inside its definition; reported as part of the detector id. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Any one of these patterns is the cue. */
  patterns: z.array(ZTokenPattern).min(1),
  /** Every entry must be satisfied near the cue. */
  requires: z.array(ZScopedPatterns).default([]),
  /** Any entry that matches near the cue blocks it (false friends, third parties, …). */
  guards: z.array(ZScopedPatterns).default([]),
  /** Whether a negation in front of the cue blocks it; defaults to the definition's. */
  negatable: z.boolean().optional(),
  /** Whether a question sentence blocks the cue; defaults to the definition's. */
  blockedInQuestions: z.boolean().optional(),
  /**
   * The message must give dates at least this many days apart ("processed 4/1 … today is 4/28"),
   * from the first date written to the last.
   */
  minimumDaysBetweenDates: z.number().int().positive().optional(),
});
export type TTriggerCue = z.infer<typeof ZTriggerCue>;
export type TTriggerCueInput = z.input<typeof ZTriggerCue>;

/** Detection data for one trigger code. */
export const ZTriggerDefinition = z.object({
  code: z.string().regex(/^([a-z0-9-]+:)?[A-Z][A-Z0-9_]*$/),
  /** Prefix of every hit's detectorId. */
  detectorId: z.string().regex(/^[a-z0-9:.-]+$/),
  description: z.string().min(1),
  cues: z.array(ZTriggerCue).min(1),
  /** Guards that apply to every cue of this code. */
  guards: z.array(ZScopedPatterns).default([]),
  /** A negation in front of a cue blocks it. */
  negatable: z.boolean().default(true),
  /** A cue inside a question ("what happens if I dispute it?") is not a hit. */
  blockedInQuestions: z.boolean().default(false),
  /** This code is dropped when any of these codes fired on the same text. */
  suppressedBy: z.array(z.string()).default([]),
});
export type TTriggerDefinition = z.infer<typeof ZTriggerDefinition>;
export type TTriggerDefinitionInput = z.input<typeof ZTriggerDefinition>;
