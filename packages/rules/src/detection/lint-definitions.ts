/**
 * Static checks of trigger definitions, so a reviewer can trust what a diff covers:
 * - DUPLICATE_PATTERN: the same pattern twice in one code;
 * - NEAR_DUPLICATE_PATTERNS: two patterns of one cue that differ in a single word or group
 *   ("hired my own plumber" / "hired my own electrician"): make it one pattern or a word class.
 * Example coverage (a positive and a negative labeled example per pattern) is measured by
 * `patternExampleCoverage` against labeled messages.
 */
import type { TTriggerDefinition } from './definition-schema.js';
import { compilePattern } from './pattern.js';
import { analyzeText } from './tokenize.js';

export interface TDefinitionFinding {
  kind: 'DUPLICATE_PATTERN' | 'NEAR_DUPLICATE_PATTERNS';
  code: string;
  patterns: string[];
  message: string;
}

/** Top-level items of a pattern: words and whole groups, as written. */
function topLevelItems(source: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of source.trim()) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ' ' && depth === 0) {
      if (current !== '') items.push(current);
      current = '';
    } else current += char;
  }
  if (current !== '') items.push(current);
  return items;
}

function differsInOneItem(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  let differences = 0;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) differences++;
  return differences === 1;
}

export function lintTriggerDefinitions(definitions: readonly TTriggerDefinition[]): TDefinitionFinding[] {
  const findings: TDefinitionFinding[] = [];
  for (const definition of definitions) {
    const patterns = definition.cues.flatMap((cue) => cue.patterns);
    const seen = new Set<string>();
    for (const pattern of patterns) {
      const normalized = pattern.trim().replace(/\s+/g, ' ');
      if (seen.has(normalized)) {
        findings.push({
          kind: 'DUPLICATE_PATTERN',
          code: definition.code,
          patterns: [pattern],
          message: `${definition.code}: "${pattern}" is written twice`,
        });
      }
      seen.add(normalized);
    }
    for (const cue of definition.cues) {
      const items = cue.patterns.map(topLevelItems);
      for (let first = 0; first < items.length; first++) {
        for (let second = first + 1; second < items.length; second++) {
          if (!differsInOneItem(items[first] ?? [], items[second] ?? [])) continue;
          const pair = [cue.patterns[first] ?? '', cue.patterns[second] ?? ''];
          findings.push({
            kind: 'NEAR_DUPLICATE_PATTERNS',
            code: definition.code,
            patterns: pair,
            message: `${definition.code} (${cue.id}): "${pair[0]}" and "${pair[1]}" differ in one word or group: merge them or use a word class`,
          });
        }
      }
    }
  }
  return findings;
}

export interface TPatternCoverage {
  code: string;
  pattern: string;
  /** Labeled messages with the code in which the pattern matches. */
  positives: number;
  /** Labeled messages without the code in which the pattern matches (its guards at work). */
  negatives: number;
}

/** How many labeled positive and negative examples exercise each cue pattern. */
export function patternExampleCoverage(
  definitions: readonly TTriggerDefinition[],
  messages: readonly { text: string; codes: readonly string[] }[],
): TPatternCoverage[] {
  const analyses = messages.map((message) => ({ analysis: analyzeText(message.text), codes: message.codes }));
  return definitions.flatMap((definition) =>
    definition.cues.flatMap((cue) =>
      cue.patterns.map((source) => {
        const pattern = compilePattern(source);
        let positives = 0;
        let negatives = 0;
        for (const { analysis, codes } of analyses) {
          if (!pattern.possibleIn(analysis)) continue;
          const { tokens } = analysis;
          let matched = false;
          for (let pos = 0; pos < tokens.length && !matched; pos++) {
            const token = tokens[pos];
            if (token === undefined || token.opaque || !pattern.canStartAt(token.norm)) continue;
            matched = pattern.matchAt(tokens, pos, tokens.length) >= 0;
          }
          if (!matched) continue;
          if (codes.includes(definition.code)) positives++;
          else negatives++;
        }
        return { code: definition.code, pattern: source, positives, negatives };
      }),
    ),
  );
}
