/**
 * One pass of the cue patterns over an analyzed message: every token tries the cues that can open
 * a match there, each match is judged (negation, question, guards, requirements), accepted hits
 * are kept and turned-down codes recorded. The state lives in one reusable object per detector,
 * cleared at the start of each pass, so a pass allocates only for what it finds.
 */
import { daysBetweenFirstAndLastDate } from './date-mentions.js';
import type { CompiledPattern } from './pattern.js';
import { type CompiledScope, isNegated, scopeMatches, sentenceSpan } from './scope-match.js';
import type { TextAnalysis } from './tokenize.js';

export interface CompiledCue {
  code: string;
  detectorId: string;
  pattern: CompiledPattern;
  requires: readonly CompiledScope[];
  guards: readonly CompiledScope[];
  negatable: boolean;
  blockedInQuestions: boolean;
  minimumDaysBetweenDates: number | null;
}

export interface CandidateHit {
  cue: CompiledCue;
  first: number;
  end: number;
}

/** Evidence kept per code: enough to explain a decision, bounded for very long texts. */
const maximumHitsPerCode = 3;

/**
 * `turned-down`: a negation, a question or a guard blocks the cue (the classifier must not add
 * the code either); `requirement-unmet`: the cue lacks what must be near it.
 */
type HitVerdict = 'accepted' | 'turned-down' | 'requirement-unmet';

export class PatternPass {
  analysis: TextAnalysis = { tokens: [], sentences: [], clauses: new Map() };
  /** Accepted hits, in text order. */
  readonly accepted: CandidateHit[] = [];
  /** Codes of accepted hits. */
  readonly acceptedCodes = new Set<string>();
  /** Codes with a cue that matched and was turned down by a negation, a question or a guard. */
  readonly vetoedCodes = new Set<string>();
  private text = '';
  private daysBetweenDates: number | null | undefined;
  private readonly hitsPerCode = new Map<string, number>();
  /** Sentence- and message-wide checks give one answer per sentence or message, so each runs once. */
  private readonly scopeAnswers = new Map<CompiledScope, Map<number, boolean>>();

  /**
   * @param indexedCues the cues whose first word is this word
   * @param testedCues the cues whose first word is a prefix or typo-tolerant test this word passes
   */
  constructor(
    private readonly indexedCues: (norm: string) => readonly CompiledCue[],
    private readonly testedCues: (norm: string) => readonly CompiledCue[],
  ) {}

  run(text: string, analysis: TextAnalysis): this {
    this.text = text;
    this.analysis = analysis;
    this.daysBetweenDates = undefined;
    this.accepted.length = 0;
    this.acceptedCodes.clear();
    this.vetoedCodes.clear();
    this.hitsPerCode.clear();
    for (const answers of this.scopeAnswers.values()) answers.clear();
    const { tokens } = analysis;
    for (let first = 0; first < tokens.length; first++) {
      const token = tokens[first];
      if (token === undefined || token.opaque) continue;
      const limit = sentenceSpan(analysis, first).end;
      for (const cue of this.indexedCues(token.norm)) this.consider(cue, first, limit);
      for (const cue of this.testedCues(token.norm)) this.consider(cue, first, limit);
    }
    return this;
  }

  private consider(cue: CompiledCue, first: number, limit: number): void {
    const count = this.hitsPerCode.get(cue.code) ?? 0;
    if (count >= maximumHitsPerCode || !cue.pattern.possibleIn(this.analysis)) return;
    const end = cue.pattern.matchAt(this.analysis.tokens, first, limit);
    if (end < 0) return;
    if (cue.minimumDaysBetweenDates !== null && !this.datesFarEnoughApart(cue.minimumDaysBetweenDates)) return;
    const hit = { cue, first, end };
    const verdict = this.judge(hit);
    if (verdict === 'turned-down') this.vetoedCodes.add(cue.code);
    if (verdict !== 'accepted') return;
    this.accepted.push(hit);
    this.acceptedCodes.add(cue.code);
    this.hitsPerCode.set(cue.code, count + 1);
  }

  private datesFarEnoughApart(minimumDays: number): boolean {
    if (this.daysBetweenDates === undefined) this.daysBetweenDates = daysBetweenFirstAndLastDate(this.text);
    return this.daysBetweenDates !== null && this.daysBetweenDates >= minimumDays;
  }

  private judge(hit: CandidateHit): HitVerdict {
    const { cue } = hit;
    const { analysis } = this;
    if (cue.negatable && isNegated(analysis, hit.first)) return 'turned-down';
    if (cue.blockedInQuestions) {
      const sentence = analysis.sentences[analysis.tokens[hit.first]?.sentence ?? -1];
      if (sentence?.question) return 'turned-down';
    }
    for (const guard of cue.guards) if (this.check(guard, hit)) return 'turned-down';
    for (const required of cue.requires) if (!this.check(required, hit)) return 'requirement-unmet';
    return 'accepted';
  }

  private check(entry: CompiledScope, hit: CandidateHit): boolean {
    if (entry.scope !== 'message' && entry.scope !== 'sentence') return scopeMatches(this.analysis, entry, hit);
    const key = entry.scope === 'message' ? -1 : (this.analysis.tokens[hit.first]?.sentence ?? -1);
    let answers = this.scopeAnswers.get(entry);
    if (answers === undefined) {
      answers = new Map();
      this.scopeAnswers.set(entry, answers);
    }
    let known = answers.get(key);
    if (known === undefined) {
      known = scopeMatches(this.analysis, entry, hit);
      answers.set(key, known);
    }
    return known;
  }
}
