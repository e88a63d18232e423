/** Cheap word tests used by patterns: typo tolerance and combining tests. */

/** Whether a normalized token passes a word test. */
export type WordTest = (norm: string) => boolean;

/** True when a and b differ by at most one insertion, deletion, substitution or swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const lengthGap = a.length - b.length;
  if (lengthGap > 1 || lengthGap < -1) return false;
  const longer = lengthGap >= 0 ? a : b;
  const shorter = lengthGap >= 0 ? b : a;
  let index = 0;
  while (index < shorter.length && longer.charCodeAt(index) === shorter.charCodeAt(index)) index++;
  // Insertion or deletion: the rest must line up shifted by one.
  if (longer.length !== shorter.length) return sameTail(longer, index + 1, shorter, index);
  // Substitution, or a swap of two neighbouring letters.
  if (sameTail(longer, index + 1, shorter, index + 1)) return true;
  return (
    longer.charCodeAt(index) === shorter.charCodeAt(index + 1) &&
    longer.charCodeAt(index + 1) === shorter.charCodeAt(index) &&
    sameTail(longer, index + 2, shorter, index + 2)
  );
}

function sameTail(a: string, aFrom: number, b: string, bFrom: number): boolean {
  if (a.length - aFrom !== b.length - bFrom) return false;
  for (let offset = 0; aFrom + offset < a.length; offset++) {
    if (a.charCodeAt(aFrom + offset) !== b.charCodeAt(bFrom + offset)) return false;
  }
  return true;
}

/** One test that passes when any of the given tests passes. */
export function anyTest(tests: readonly WordTest[]): WordTest {
  if (tests.length === 1) return tests[0] as WordTest;
  return (norm) => {
    for (const test of tests) if (test(norm)) return true;
    return false;
  };
}
