import { describe, expect, it } from 'vitest';
import { daysBetweenFirstAndLastDate, findDateMentions } from './date-mentions.js';

describe('date mentions', () => {
  it('reads month/day dates and counts the days between the first and the last', () => {
    expect(daysBetweenFirstAndLastDate('Refund processed on 4/1. Today is 4/28 and nothing.')).toBe(27);
  });

  it('reads bare ordinal days ("the 1st … the 25th") against each other only', () => {
    expect(daysBetweenFirstAndLastDate('It was sent on the 1st and it is now the 25th.')).toBe(24);
    expect(findDateMentions('sent on the 1st').map((mention) => mention.hasMonth)).toEqual([false]);
  });

  it('reads month names in English and Spanish, both orders', () => {
    expect(daysBetweenFirstAndLastDate('processed March 2, still missing on April 10')).toBe(39);
    expect(daysBetweenFirstAndLastDate('procesado el 2 de mayo y hoy es 30 de mayo')).toBe(28);
  });

  it('wraps over the end of the year', () => {
    expect(daysBetweenFirstAndLastDate('sent 12/20, today is 1/8')).toBe(19);
  });

  it('ignores prices, impossible dates and a single date', () => {
    expect(findDateMentions('$3/4 off, version 2/3.5, 13/40')).toEqual([]);
    expect(daysBetweenFirstAndLastDate('refund processed on 4/1')).toBeNull();
  });
});
