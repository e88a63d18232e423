/**
 * Closed-class English and Spanish words the detector's generic parts rely on: negation,
 * clause boundaries and question openers. Trigger vocabulary lives in the trigger definitions.
 */

/** Words that negate what follows them in the same clause. */
export const negatorWords: ReadonlySet<string> = new Set([
  'not',
  'never',
  'no',
  'nor',
  'cannot',
  'without',
  'nunca',
  'ni',
  'jamas',
]);

/** A negator directly followed by one of these is a dare, not a negation ("don't make me"). */
export const negationReleaseWords: ReadonlySet<string> = new Set(['make', 'force', 'push']);

/**
 * Words a negation does not reach across when looking back from a cue: a new subject, a
 * coordinating word or a modal starts a new proposition ("not happy and I want a manager",
 * "if no tech comes tomorrow will contact atty").
 */
export const negationBarrierWords: ReadonlySet<string> = new Set([
  'i',
  'we',
  'you',
  'he',
  'she',
  'they',
  'cx',
  'mbr',
  'and',
  'or',
  'yo',
  'y',
  'o',
  'will',
  'would',
  'shall',
  'gonna',
  'then',
  'my',
  'our',
]);

/** How many tokens before a cue a negator still applies. */
export const negationWindow = 6;

/** Words that open a new clause. */
export const clauseOpenerWords: ReadonlySet<string> = new Set([
  'but',
  'however',
  'though',
  'although',
  'unless',
  'because',
  'cause',
  'bc',
  'so',
  'then',
  'otherwise',
  'if',
  'or',
  'while',
  'whereas',
  'until',
  'pero',
  'porque',
  'si',
  'sino',
]);

/** A sentence that ends in "?" and opens with one of these asks rather than states. */
export const questionOpenerWords: ReadonlySet<string> = new Set([
  'what',
  'whats',
  'how',
  'can',
  'could',
  'would',
  'will',
  'should',
  'shall',
  'is',
  'are',
  'am',
  'do',
  'does',
  'did',
  'if',
  'whether',
  'may',
  'might',
  'hypothetically',
  'just',
  'curious',
  'quick',
  'que',
  'como',
  'puedo',
  'si',
]);

/** Greetings and fillers skipped when looking for a question's opening word. */
export const questionLeadInWords: ReadonlySet<string> = new Set([
  'hi',
  'hello',
  'hey',
  'ok',
  'okay',
  'so',
  'and',
  'but',
  'also',
  'um',
  'well',
  'yes',
  'yeah',
  'sorry',
  'question',
  'then',
  'hola',
]);
