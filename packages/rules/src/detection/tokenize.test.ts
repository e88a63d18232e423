import { describe, expect, it } from 'vitest';
import { analyzeText, foldText, maskedWordNorm } from './tokenize.js';

const norms = (text: string) => analyzeText(text).tokens.map((token) => token.norm);

describe('foldText', () => {
  it('lower-cases and strips diacritics without changing the length', () => {
    const text = 'Reseña DAÑÓ el CAMIÓN’s';
    const folded = foldText(text);
    expect(folded).toBe("resena dano el camion's");
    expect(folded.length).toBe(text.length);
  });
});

describe('analyzeText', () => {
  it('"No." before a number abbreviates it; anywhere else it ends the sentence', () => {
    const analysis = analyzeText('Your manager said no. Who is his boss? Order No. 5 came.');
    const sentenceOf = (norm: string) => analysis.tokens.find((token) => token.norm === norm)?.sentence;
    expect(sentenceOf('who')).toBe(1);
    expect(sentenceOf('5')).toBe(sentenceOf('order'));
    expect(analysis.sentences).toHaveLength(3);
  });

  it('expands contractions, with and without the apostrophe', () => {
    expect(norms("I'll sue, I won't wait, dont care, it's late")).toEqual([
      'i',
      'will',
      'sue',
      'i',
      'will',
      'not',
      'wait',
      'do',
      'not',
      'care',
      'it',
      'is',
      'late',
    ]);
  });

  it('drops the possessive and keeps curly apostrophes working', () => {
    expect(norms('the customer’s lawyer')).toEqual(['the', 'customer', 'lawyer']);
  });

  it('keeps offsets as UTF-16 indexes into the original text', () => {
    const text = '¿Dónde está mi reembolso? 😡 I’ll call my bank';
    for (const token of analyzeText(text).tokens) {
      expect(foldText(text.slice(token.start, token.end)).replace(/[’']/g, "'")).toMatch(/^[a-z0-9']+$/);
    }
    const bank = analyzeText(text).tokens.find((token) => token.norm === 'bank');
    expect(bank && text.slice(bank.start, bank.end)).toBe('bank');
  });

  it('keeps emails and links opaque so "sue@…" is never the word sue', () => {
    const tokens = analyzeText('write to sue@example.com or https://sue.example.com/x').tokens;
    expect(tokens.filter((token) => token.norm === 'sue')).toEqual([]);
    expect(tokens.filter((token) => token.opaque)).toHaveLength(2);
  });

  it('reads masked swear words as one token', () => {
    expect(norms('f*** you')).toEqual([maskedWordNorm, 'you']);
    expect(norms('sh*t')).toEqual([maskedWordNorm]);
  });

  it('splits sentences on . ! ? and new lines', () => {
    const { sentences } = analyzeText('Fix it. Or else!\nI mean it? ok');
    expect(sentences.map((sentence) => [sentence.first, sentence.end])).toEqual([
      [0, 2],
      [2, 4],
      [4, 7],
      [7, 8],
    ]);
  });

  it('does not end a sentence after Mr. or Ms.', () => {
    expect(analyzeText('Call me Ms. Rivera, not Mr. Rivera.').sentences).toHaveLength(1);
  });

  it('marks a sentence as a question only when it ends in "?" and opens like one', () => {
    const { sentences } = analyzeText('What happens if I dispute it? I want a refund, ok? Hi, can I get a manager?');
    expect(sentences.map((sentence) => sentence.question)).toEqual([true, false, true]);
  });

  it('starts a new clause at punctuation and at words like but, if, so', () => {
    const { tokens } = analyzeText("if this isn't fixed by Friday I'll sue, but not today");
    const clauseOf = (word: string) => tokens.find((token) => token.norm === word)?.clause;
    expect(clauseOf('fixed')).toBe(clauseOf('sue'));
    expect(clauseOf('today')).not.toBe(clauseOf('sue'));
    const second = analyzeText('not happy so I want a manager').tokens;
    expect(second.find((token) => token.norm === 'happy')?.clause).not.toBe(
      second.find((token) => token.norm === 'manager')?.clause,
    );
  });
});
