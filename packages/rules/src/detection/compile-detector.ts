import type { ClassifierModel } from './classifier/classifier-model.js';
import { type ClassifierHit, createClassifierSignal } from './classifier/classifier-signal.js';
import { shippedClassifierModel } from './classifier/shipped-classifier.js';
import { type TTriggerDefinition, ZTriggerDefinition } from './definition-schema.js';
import { compilePattern } from './pattern.js';
import { type CompiledCue, PatternPass } from './pattern-pass.js';
import type { CompiledScope } from './scope-match.js';
import { analyzeText, type TextAnalysis } from './tokenize.js';

export { isNegated } from './scope-match.js';

export interface TextTriggerHit {
  code: string;
  /** `<definition detectorId>:<cue id>` for a pattern, `classifier:<CODE>` for the classifier. */
  detectorId: string;
  evidence: {
    kind: 'text';
    /** The matched phrase; for the classifier, its strongest word. */
    phrase: string;
    start: number;
    end: number;
    field: string;
    /** Present when the classifier, not a pattern, raised the code. */
    signal?: 'classifier';
    /** The classifier's driving words, strongest first. */
    words?: string[];
    /** The classifier's probability, rounded to 3 decimals. */
    probability?: number;
  };
}

export interface CompiledDetector {
  /** Every trigger found in the text; `field` names where the text came from (default customerText). */
  detect(text: string, field?: string): TextTriggerHit[];
  /**
   * Codes the classifier would add to the text at `minimumProbability` instead of the per-code
   * thresholds (for choosing thresholds); empty without a classifier.
   */
  classifierCandidates?(text: string, minimumProbability: number): ClassifierHit[];
}

export interface DetectorOptions {
  /** The statistical signal; default the shipped model, null for patterns alone. */
  classifier?: ClassifierModel | null;
}

const defaultField = 'customerText';
const noCues: readonly CompiledCue[] = [];
/** Distinct words whose starting cues are remembered; past this the memory starts over. */
const rememberedStartWords = 50_000;

function compileScopes(entries: TTriggerDefinition['guards']): CompiledScope[] {
  return entries.map((entry) => ({
    scope: entry.scope,
    patterns: entry.anyOf.map(compilePattern),
  }));
}

/** Compiles trigger definitions into one detector; compile once, call detect per message. */
export function compileDetector(
  definitions: readonly TTriggerDefinition[],
  options: DetectorOptions = {},
): CompiledDetector {
  const byFirstWord = new Map<string, CompiledCue[]>();
  const scanned: CompiledCue[] = [];
  const suppressions = new Map<string, readonly string[]>();
  const listenedCodes = new Set<string>();
  const questionBlockedCodes = new Set<string>();

  for (const input of definitions) {
    const definition = ZTriggerDefinition.parse(input);
    const definitionGuards = compileScopes(definition.guards);
    if (definition.suppressedBy.length > 0) suppressions.set(definition.code, definition.suppressedBy);
    listenedCodes.add(definition.code);
    if (definition.blockedInQuestions) questionBlockedCodes.add(definition.code);
    for (const cue of definition.cues) {
      const requires = compileScopes(cue.requires);
      const guards = [...definitionGuards, ...compileScopes(cue.guards)];
      for (const source of cue.patterns) {
        const compiled: CompiledCue = {
          code: definition.code,
          detectorId: `${definition.detectorId}:${cue.id}`,
          pattern: compilePattern(source),
          requires,
          guards,
          negatable: cue.negatable ?? definition.negatable,
          blockedInQuestions: cue.blockedInQuestions ?? definition.blockedInQuestions,
          minimumDaysBetweenDates: cue.minimumDaysBetweenDates ?? null,
        };
        if (compiled.pattern.startTest !== null) scanned.push(compiled);
        for (const literal of compiled.pattern.firstLiterals) {
          const list = byFirstWord.get(literal);
          if (list) list.push(compiled);
          else byFirstWord.set(literal, [compiled]);
        }
      }
    }
  }

  /**
   * The cues whose first word is a prefix or typo-tolerant test a word passes (cues opening with
   * the word itself are indexed in byFirstWord). Remembered per word (bounded), so each token
   * costs two lookups.
   */
  const scannedByWord = new Map<string, readonly CompiledCue[]>();
  const scannedCuesAt = (norm: string): readonly CompiledCue[] => {
    let cues = scannedByWord.get(norm);
    if (cues === undefined) {
      const passing = scanned.filter((cue) => cue.pattern.startTest?.(norm) && !cue.pattern.opensWithLiteral(norm));
      cues = passing.length === 0 ? noCues : passing;
      if (scannedByWord.size >= rememberedStartWords) scannedByWord.clear();
      scannedByWord.set(norm, cues);
    }
    return cues;
  };
  const pass = new PatternPass((norm) => byFirstWord.get(norm) ?? noCues, scannedCuesAt);
  const proposed: ClassifierHit[] = [];

  const model = options.classifier === undefined ? shippedClassifierModel() : options.classifier;
  const signal = model === null ? null : createClassifierSignal(model, listenedCodes, questionBlockedCodes);

  return {
    detect(text, field = defaultField) {
      const { analysis, accepted, acceptedCodes, vetoedCodes } = pass.run(text, analyzeText(text));
      const { tokens } = analysis;
      proposed.length = 0;
      signal?.propose(analysis, acceptedCodes, vetoedCodes, proposed);
      const firedCodes = acceptedCodes;
      for (const hit of proposed) firedCodes.add(hit.code);
      const hits: TextTriggerHit[] = [];
      const lastEndByCode = new Map<string, number>();
      for (const hit of accepted) {
        const { code } = hit.cue;
        if (suppressions.get(code)?.some((other) => firedCodes.has(other))) continue;
        if ((lastEndByCode.get(code) ?? -1) > hit.first) continue;
        lastEndByCode.set(code, hit.end);
        const start = tokens[hit.first]?.start ?? 0;
        const end = tokens[hit.end - 1]?.end ?? start;
        hits.push({
          code,
          detectorId: hit.cue.detectorId,
          evidence: {
            kind: 'text',
            phrase: text.slice(start, end),
            start,
            end,
            field,
          },
        });
      }
      for (const hit of proposed) {
        if (suppressions.get(hit.code)?.some((other) => firedCodes.has(other))) continue;
        hits.push(classifierTriggerHit(hit, analysis, text, field));
      }
      return hits;
    },
    classifierCandidates(text, minimumProbability) {
      const out: ClassifierHit[] = [];
      if (signal === null) return out;
      const { analysis, acceptedCodes, vetoedCodes } = pass.run(text, analyzeText(text));
      signal.propose(analysis, acceptedCodes, vetoedCodes, out, minimumProbability);
      return out;
    },
  };
}

function classifierTriggerHit(hit: ClassifierHit, analysis: TextAnalysis, text: string, field: string): TextTriggerHit {
  const strongest = analysis.tokens[hit.token];
  const start = strongest?.start ?? 0;
  const end = strongest?.end ?? start;
  return {
    code: hit.code,
    detectorId: `classifier:${hit.code}`,
    evidence: {
      kind: 'text',
      phrase: text.slice(start, end),
      start,
      end,
      field,
      signal: 'classifier',
      words: hit.drivingTokens.map((token) => {
        const word = analysis.tokens[token];
        return word === undefined ? '' : text.slice(word.start, word.end);
      }),
      probability: Math.round(hit.probability * 1000) / 1000,
    },
  };
}
