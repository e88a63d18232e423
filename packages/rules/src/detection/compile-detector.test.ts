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

  it('keeps at most three hits per code and stays linear on a very long message', () => {
    const detector = compileDetector(canonicalTriggerDefinitions);
    const text = 'I want a supervisor '.repeat(500);
    detector.detect(text);
    const before = process.cpuUsage();
    const hits = detector.detect(text);
    const used = process.cpuUsage(before);
    expect(hits.filter((hit) => hit.code === 'SUPERVISOR_REQUEST')).toHaveLength(3);
    expect((used.user + used.system) / 1000).toBeLessThan(500);
  });

  it('does not read a lone "sup" greeting as a supervisor request', () => {
    const detector = compileDetector(canonicalTriggerDefinitions);
    expect(detector.detect('sup')).toEqual([]);
    expect(detector.detect('Supervisor. Now.').map((hit) => hit.code)).toEqual(['SUPERVISOR_REQUEST']);
  });

  it('detects a typical message in well under 100 µs of CPU once compiled', () => {
    const detector = compileDetector(canonicalTriggerDefinitions);
    const messages = [
      "Hi, my AC died Saturday, the tech didn't show Monday and it's 98 degrees with my 84 year old dad here. I want a supervisor.",
      'Please delete my review of the sitter, I posted it on the wrong profile.',
      'Where is my order? Tracking has not updated since Tuesday.',
      "If I don't get a refund today I'm calling my bank and posting on Facebook.",
    ];
    for (let call = 0; call < 2000; call++) detector.detect(messages[call % messages.length] ?? '');
    // CPU time, not wall time: the machine is shared, and waiting for a core is not the detector's cost.
    const calls = 20_000;
    const before = process.cpuUsage();
    for (let call = 0; call < calls; call++) detector.detect(messages[call % messages.length] ?? '');
    const used = process.cpuUsage(before);
    const microseconds = (used.user + used.system) / calls;
    console.log(`detect: ${microseconds.toFixed(1)} µs of CPU per message`);
    expect(microseconds).toBeLessThan(100);
  });
});
