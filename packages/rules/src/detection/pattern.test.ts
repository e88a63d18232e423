import { describe, expect, it } from 'vitest';
import { withinOneEdit } from './edit-distance.js';
import { compilePattern } from './pattern.js';
import { analyzeText } from './tokenize.js';

/** Every token span where the pattern matches, scanning each start, matches kept inside a sentence. */
function matches(source: string, text: string): string[] {
  const pattern = compilePattern(source);
  const { tokens, sentences } = analyzeText(text);
  const found: string[] = [];
  for (let first = 0; first < tokens.length; first++) {
    const sentenceEnd = sentences[tokens[first]?.sentence ?? 0]?.end ?? tokens.length;
    const end = pattern.matchAt(tokens, first, sentenceEnd);
    if (end > first)
      found.push(
        tokens
          .slice(first, end)
          .map((token) => token.norm)
          .join(' '),
      );
  }
  return found;
}

describe('compilePattern', () => {
  it('matches whole tokens, never parts of words', () => {
    expect(matches('sue', 'I will pursue the issue')).toEqual([]);
    expect(matches('bank', 'riverbank')).toEqual([]);
    expect(matches('trans', 'transaction transfer transmission')).toEqual([]);
  });

  it('treats "|" as the loosest operator, so alternatives may be phrases', () => {
    expect(matches('(talk to|speak with) (a)? manager', 'can I speak with a manager')).toEqual([
      'speak with a manager',
    ]);
    expect(matches('(talk to|speak with) (a)? manager', 'can I talk to manager')).toEqual(['talk to manager']);
    expect(matches('(talk to|speak with) manager', 'can I speak to manager')).toEqual([]);
  });

  it('supports optional words, bounded gaps, numbers and prefixes', () => {
    expect(matches('call my? bank', 'call bank')).toEqual(['call bank']);
    expect(matches('refund _{0,2} # months', 'refund the last 6 months')).toEqual(['refund the last 6 months']);
    expect(matches('refund _{0,1} # months', 'refund the last 6 months')).toEqual([]);
    expect(matches('discriminat*', 'they discriminated against me')).toEqual(['discriminated']);
  });

  it('anchors ^ and $ to sentence boundaries', () => {
    expect(matches('^ manager (now)? $', 'I am done. Manager. Now!')).toEqual(['manager']);
    expect(matches('^ manager (now)? $', 'Manager now')).toEqual(['manager now']);
    expect(matches('^ manager (now)? $', 'The manager is nice')).toEqual([]);
  });

  it('accepts one typo on long words marked with ~, and only there', () => {
    expect(matches('~supervisor', 'supervisr please')).toEqual(['supervisr']);
    expect(matches('~chargeback', 'filing a chargbak')).toEqual([]);
    expect(matches('~chargeback', 'filing a chargback')).toEqual(['chargback']);
    expect(matches('~lawyer', 'layer')).toEqual([]);
  });

  it('exposes the literal first words so a detector can index patterns', () => {
    expect(compilePattern('(call|phone) my bank').firstLiterals).toEqual(['call', 'phone']);
    expect(compilePattern('(my)? bank').firstLiterals).toEqual(['my', 'bank']);
    expect(compilePattern('~supervisor now').firstLiterals).toEqual([]);
    expect(compilePattern('~supervisor now').startTest?.('supervisr')).toBe(true);
    expect(compilePattern('(sup|~supervisor) now').firstLiterals).toEqual(['sup']);
  });

  it('rejects malformed patterns with the pattern in the message', () => {
    expect(() => compilePattern('(call my bank')).toThrow(/call my bank/);
    expect(() => compilePattern('call | | bank')).toThrow(/Empty alternative/);
    expect(() => compilePattern('(maybe)?')).toThrow(/can match nothing/);
    expect(() => compilePattern('Bank!')).toThrow(/Bad word/);
  });
});

describe('withinOneEdit', () => {
  it('counts one insertion, deletion, substitution or swap', () => {
    expect(withinOneEdit('manager', 'manger')).toBe(true);
    expect(withinOneEdit('manager', 'managre')).toBe(true);
    expect(withinOneEdit('manager', 'mahager')).toBe(true);
    expect(withinOneEdit('manager', 'managers')).toBe(true);
    expect(withinOneEdit('manager', 'mangler')).toBe(false);
  });
});
