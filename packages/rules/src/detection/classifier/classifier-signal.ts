/**
 * The second signal: where the patterns are silent on a code, the classifier may add it when its
 * probability clears the code's threshold. It never adds a code whose cue the patterns found and
 * turned down (negated, hypothetical, third party, quoted, …), nor one whose strongest words sit
 * in a negation or in a sentence the shared guards mark as someone else's story, an agent quoting
 * policy, a hypothetical, a denied, withdrawn or resolved threat. Buffers are reused across calls.
 */
import { type TScopedPatterns, ZScopedPatterns } from '../definition-schema.js';
import { threatGuards } from '../definitions/shared-vocabulary.js';
import { compilePattern } from '../pattern.js';
import { type CompiledScope, isNegated, scopeMatches } from '../scope-match.js';
import type { TextAnalysis } from '../tokenize.js';
import type { ClassifierModel } from './classifier-model.js';
import { createFeatureBuffer } from './text-features.js';

/** A code the classifier adds, with the words that drove it (strongest first). */
export interface ClassifierHit {
  code: string;
  probability: number;
  /** Token of the strongest word. */
  token: number;
  /** Tokens of up to three words that pushed the score up most, strongest first. */
  drivingTokens: number[];
}

export interface ClassifierSignal {
  /**
   * Appends to `out` the codes the classifier adds to this text. `patternCodes` fired from
   * patterns; `vetoedCodes` had a cue the patterns turned down. `minimumProbability` overrides
   * every threshold (used when thresholds are chosen).
   */
  propose(
    analysis: TextAnalysis,
    patternCodes: ReadonlySet<string>,
    vetoedCodes: ReadonlySet<string>,
    out: ClassifierHit[],
    minimumProbability?: number,
  ): void;
}

const drivingWordCount = 3;

function compileGuards(entries: readonly TScopedPatterns[]): CompiledScope[] {
  return entries.map((entry) => {
    const parsed = ZScopedPatterns.parse(entry);
    return { scope: parsed.scope, patterns: parsed.anyOf.map(compilePattern) };
  });
}

/**
 * @param listenedCodes codes the detector reports (a pack's codes); others are never added
 * @param questionBlockedCodes codes whose definitions do not fire inside a question
 */
export function createClassifierSignal(
  model: ClassifierModel,
  listenedCodes: ReadonlySet<string>,
  questionBlockedCodes: ReadonlySet<string>,
): ClassifierSignal {
  const guards = compileGuards(threatGuards);
  const buffer = createFeatureBuffer();
  const logits = new Float64Array(model.codes.length);
  let tokenWeights = new Float64Array(256);
  const codeIndexes = model.codes.map((code, index) => ({ code, index })).filter(({ code }) => listenedCodes.has(code));

  const drivingTokens = (codeIndex: number, tokenCount: number): number[] => {
    if (tokenWeights.length < tokenCount) tokenWeights = new Float64Array(tokenCount * 2);
    tokenWeights.fill(0, 0, tokenCount);
    for (let at = 0; at < buffer.count; at++) {
      const token = buffer.tokens[at] ?? 0;
      tokenWeights[token] = (tokenWeights[token] ?? 0) + model.weightOf(buffer.hashes[at] ?? 0, codeIndex);
    }
    const ranked: number[] = [];
    for (let token = 0; token < tokenCount; token++) if ((tokenWeights[token] ?? 0) > 0) ranked.push(token);
    ranked.sort((a, b) => (tokenWeights[b] ?? 0) - (tokenWeights[a] ?? 0) || a - b);
    return ranked.slice(0, drivingWordCount);
  };

  const blockedAt = (analysis: TextAnalysis, code: string, token: number): boolean => {
    if (isNegated(analysis, token)) return true;
    if (questionBlockedCodes.has(code)) {
      const sentence = analysis.sentences[analysis.tokens[token]?.sentence ?? -1];
      if (sentence?.question) return true;
    }
    const range = { first: token, end: token + 1 };
    return guards.some((guard) => scopeMatches(analysis, guard, range));
  };

  return {
    propose(analysis, patternCodes, vetoedCodes, out, minimumProbability) {
      if (analysis.tokens.length === 0) return;
      model.scoreText(analysis, buffer, logits);
      const minimumLogit =
        minimumProbability === undefined ? null : Math.log(minimumProbability / (1 - minimumProbability));
      for (const { code, index } of codeIndexes) {
        const score = logits[index] ?? Number.NEGATIVE_INFINITY;
        if (score <= (minimumLogit ?? model.logitThresholds[index] ?? Number.POSITIVE_INFINITY)) continue;
        if (patternCodes.has(code) || vetoedCodes.has(code)) continue;
        const driving = drivingTokens(index, analysis.tokens.length);
        const strongest = driving[0];
        if (strongest === undefined || blockedAt(analysis, code, strongest)) continue;
        out.push({ code, probability: 1 / (1 + Math.exp(-score)), token: strongest, drivingTokens: driving });
      }
    },
  };
}
