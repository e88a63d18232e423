import { describe, expect, it } from 'vitest';
import { evaluate, parseLabeledLine } from './labeled-evaluation.js';

describe('labeled-set scoring', () => {
  it('accepts an optional "trap" flag and scores trap accuracy as exact-set matches among traps', () => {
    const messages = [
      parseLabeledLine('{"id":"t1","text":"I am not going to sue anyone.","codes":[],"trap":true}'),
      parseLabeledLine('{"id":"t2","text":"I will sue you.","codes":["LEGAL_THREAT"],"trap":true}'),
      parseLabeledLine('{"id":"t3","text":"I will sue you.","codes":[],"trap":true}'),
      parseLabeledLine('{"id":"p1","text":"Get me your supervisor.","codes":["SUPERVISOR_REQUEST"]}'),
    ];
    const result = evaluate(messages);
    expect(result.traps).toBe(3);
    expect(result.trapAccuracy).toBeCloseTo(2 / 3);
    expect(result.exactSetShare).toBeCloseTo(3 / 4);
  });
});
