import { describe, expect, it } from 'vitest';
import { ZTokenPattern, ZTriggerDefinition } from './definition-schema.js';
import { canonicalTriggerDefinitions } from './definitions/index.js';
import { lintTriggerDefinitions } from './lint-definitions.js';
import { compilePattern } from './pattern.js';
import { analyzeText } from './tokenize.js';
import { expandWordClasses, wordClasses } from './vocabulary/word-classes.js';

const definitions = canonicalTriggerDefinitions.map((definition) => ZTriggerDefinition.parse(definition));

function matches(source: string, text: string): boolean {
  const pattern = compilePattern(source);
  const { tokens } = analyzeText(text);
  return tokens.some((_, pos) => pattern.matchAt(tokens, pos, tokens.length) >= 0);
}

describe('trigger definition lint', () => {
  it('finds no duplicate or near-duplicate patterns in the shipped definitions', () => {
    expect(lintTriggerDefinitions(definitions).map((finding) => finding.message)).toEqual([]);
  });

  it('reports patterns of one cue that differ in a single word or group', () => {
    const findings = lintTriggerDefinitions([
      ZTriggerDefinition.parse({
        code: 'UNAUTHORIZED_WORK',
        detectorId: 'test.unauthorized',
        description: 'test',
        cues: [{ id: 'own', patterns: ['hired my own plumber', 'hired my own electrician', 'hired my own plumber'] }],
      }),
    ]);
    expect(findings.map((finding) => finding.kind).sort()).toEqual([
      'DUPLICATE_PATTERN',
      'NEAR_DUPLICATE_PATTERNS',
      'NEAR_DUPLICATE_PATTERNS',
    ]);
  });
});

describe('word classes', () => {
  it('stand for any one of their words, in English and Spanish', () => {
    expect(matches('hired @own-choice @tradesperson', 'We hired our own plumber.')).toBe(true);
    expect(matches('hired @own-choice @tradesperson', 'We hired our own electricista.')).toBe(true);
    expect(matches('hired @own-choice @tradesperson', 'We hired our own lawyer.')).toBe(false);
    expect(expandWordClasses('@hire-verb')).toBe(`(${wordClasses['hire-verb']?.join('|')})`);
  });

  it('are checked: an unknown class is an invalid pattern', () => {
    expect(ZTokenPattern.safeParse('hired @no-such-class').success).toBe(false);
  });

  it('are each used by a definition or another class', () => {
    const sources = [
      ...definitions.flatMap((definition) => [
        ...definition.cues.flatMap((cue) => [
          ...cue.patterns,
          ...[...cue.requires, ...cue.guards].flatMap((entry) => entry.anyOf),
        ]),
        ...definition.guards.flatMap((entry) => entry.anyOf),
      ]),
      ...Object.values(wordClasses).flat(),
    ].join(' ');
    const unused = Object.keys(wordClasses).filter((name) => !new RegExp(`@${name}(?![a-z0-9-])`).test(sources));
    expect(unused).toEqual([]);
  });
});
