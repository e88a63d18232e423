import { describe, expect, it } from 'vitest';
import { compileDetector, isNegated } from './compile-detector.js';
import { type TTriggerDefinitionInput, ZTriggerDefinition } from './definition-schema.js';
import { canonicalTriggerDefinitions } from './definitions/index.js';
import { analyzeText } from './tokenize.js';

const define = (input: TTriggerDefinitionInput) => ZTriggerDefinition.parse(input);

const refundThreat = define({
  code: 'acme:REFUND_THREAT',
  detectorId: 'text.acme-refund-threat',
  description: 'Test definition',
  blockedInQuestions: true,
  cues: [
    {
      id: 'call-bank',
      patterns: ['(call|calling) (my)? bank'],
      guards: [{ scope: 'overlap', anyOf: ['bank holiday'] }],
    },
    {
      id: 'refund',
      patterns: ['refund'],
      requires: [{ scope: 'sentence', anyOf: ['(now|today)'] }],
    },
  ],
});
const refundAsk = define({
  code: 'acme:REFUND_ASK',
  detectorId: 'text.acme-refund-ask',
  description: 'Test definition',
  suppressedBy: ['acme:REFUND_THREAT'],
  cues: [{ id: 'want-refund', patterns: ['want (a|my)? refund'] }],
});

describe('compileDetector', () => {
  const detector = compileDetector([refundThreat, refundAsk]);
  const codes = (text: string) => detector.detect(text).map((hit) => hit.code);

  it('reports evidence with UTF-16 offsets into the text, the field and the detector id', () => {
    const text = '😡 Señor, I’ll be calling my bank.';
    const [hit] = detector.detect(text, 'agentNote');
    expect(hit).toEqual({
      code: 'acme:REFUND_THREAT',
      detectorId: 'text.acme-refund-threat:call-bank',
      evidence: { kind: 'text', phrase: 'calling my bank', start: 18, end: 33, field: 'agentNote' },
    });
    expect(text.slice(hit?.evidence.start, hit?.evidence.end)).toBe('calling my bank');
    expect(detector.detect('call my bank')[0]?.evidence.field).toBe('customerText');
  });

  it('blocks a cue after a negation in its clause, but not across a clause or a new subject', () => {
    expect(codes('I am not calling my bank')).toEqual([]);
    expect(codes("If this isn't fixed I'm calling my bank")).toEqual(['acme:REFUND_THREAT']);
    expect(codes('Not fixed, calling my bank')).toEqual(['acme:REFUND_THREAT']);
    expect(codes("Don't make me call my bank")).toEqual(['acme:REFUND_THREAT']);
  });

  it('applies guards, requirements and question blocking from the data', () => {
    expect(codes('I will call bank holiday hours in')).toEqual([]);
    expect(codes('refund')).toEqual([]);
    expect(codes('refund me today')).toEqual(['acme:REFUND_THREAT']);
    expect(codes('Should I call my bank?')).toEqual([]);
    expect(codes('Fix it or I call my bank!')).toEqual(['acme:REFUND_THREAT']);
  });

  it("lets one cue opt out of the definition's question blocking", () => {
    const withWhy = define({
      ...refundThreat,
      cues: [...refundThreat.cues, { id: 'why-no-refund', blockedInQuestions: false, patterns: ['why no refund'] }],
    });
    const detect = (text: string) =>
      compileDetector([withWhy])
        .detect(text)
        .map((hit) => hit.detectorId);
    expect(detect('Why no refund yet?')).toEqual(['text.acme-refund-threat:why-no-refund']);
    expect(detect('Should I call my bank?')).toEqual([]);
  });

  it('drops a code when a code that suppresses it fired', () => {
    expect(codes('I want a refund')).toEqual(['acme:REFUND_ASK']);
    expect(codes('I want a refund today or I call my bank')).toEqual(['acme:REFUND_THREAT', 'acme:REFUND_THREAT']);
  });

  it('rejects definitions with malformed patterns at compile time', () => {
    expect(() =>
      compileDetector([{ ...refundAsk, cues: [{ id: 'broken', patterns: ['(want'], requires: [], guards: [] }] }]),
    ).toThrow(/Unclosed group/);
  });
});

describe('isNegated', () => {
  const firstIndexOf = (text: string, word: string) => {
    const analysis = analyzeText(text);
    return isNegated(
      analysis,
      analysis.tokens.findIndex((token) => token.norm === word),
    );
  };

  it('looks back a few tokens inside the clause', () => {
    expect(firstIndexOf('I am not going to sue', 'sue')).toBe(true);
    expect(firstIndexOf('no need to escalate to a supervisor', 'escalate')).toBe(true);
    expect(firstIndexOf('not happy and I want a manager', 'want')).toBe(false);
    expect(firstIndexOf('not fixed by Friday, so I will sue', 'sue')).toBe(false);
    expect(firstIndexOf('if no tech tomorrow will contact atty', 'contact')).toBe(false);
    expect(firstIndexOf('I will not be contacting my lawyer', 'contacting')).toBe(true);
  });
});

describe('canonicalTriggerDefinitions', () => {
  it('cover the 30 canonical codes, each once, and all validate', () => {
    const codes = canonicalTriggerDefinitions.map((definition) => definition.code);
    expect(new Set(codes).size).toBe(30);
    for (const definition of canonicalTriggerDefinitions)
      expect(ZTriggerDefinition.parse(definition)).toEqual(definition);
  });

  it('keeps at most three hits per code on a very long message', () => {
    const detector = compileDetector(canonicalTriggerDefinitions);
    const hits = detector.detect('I want a supervisor '.repeat(500));
    expect(hits.filter((hit) => hit.code === 'SUPERVISOR_REQUEST')).toHaveLength(3);
  });

  it('does not read a lone "sup" greeting as a supervisor request', () => {
    const detector = compileDetector(canonicalTriggerDefinitions);
    expect(detector.detect('sup')).toEqual([]);
    expect(detector.detect('Supervisor. Now.').map((hit) => hit.code)).toEqual(['SUPERVISOR_REQUEST']);
  });
});
