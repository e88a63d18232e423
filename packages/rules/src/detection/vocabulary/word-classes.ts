/**
 * Named word classes, the vocabulary of the trigger definitions kept as data: `@name` in a token
 * pattern stands for `(word|word|…)` of that class (pattern.ts), so a pattern reads like the
 * meaning of its code ("hired @tradesperson myself") and one change to a class covers every
 * pattern that uses it. English and Spanish words share a class. A class may use another.
 */
import { healthWordClasses } from './health-words.js';
import { homeWordClasses } from './home-words.js';
import { insultWordClasses } from './insult-words.js';
import { moneyWordClasses } from './money-words.js';
import { peopleWordClasses } from './people-words.js';
import { requestsWordClasses } from './requests-words.js';

export const wordClasses: Readonly<Record<string, readonly string[]>> = {
  ...peopleWordClasses,
  ...insultWordClasses,
  ...requestsWordClasses,
  ...moneyWordClasses,
  ...healthWordClasses,
  ...homeWordClasses,
};

const classReference = /@([a-z][a-z0-9-]*)/g;

/** Replaces every `@name` with its class as a group; throws on an unknown or circular class. */
export function expandWordClasses(source: string, seen: readonly string[] = []): string {
  if (!source.includes('@')) return source;
  return source.replace(classReference, (_match, name: string) => {
    const words = wordClasses[name];
    if (words === undefined) throw new Error(`Unknown word class "@${name}" in pattern "${source}"`);
    if (seen.includes(name)) throw new Error(`Word class "@${name}" uses itself`);
    return `(${words.map((word) => expandWordClasses(word, [...seen, name])).join('|')})`;
  });
}
