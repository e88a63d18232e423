/**
 * Distinct realistic texts for the benchmark, so no decision hits a cache: each text is a labeled
 * message (customer words or agent notes from test/*.ndjson) joined with a sentence of another one
 * and varied by an order number, a day and a greeting. A Set guarantees every text is new.
 */
import { readdirSync, readFileSync } from 'node:fs';

const labeledDirectory = new URL('../../test/', import.meta.url);

/** Every labeled message text in the repository's labeled sets. */
export function labeledTexts(): string[] {
  const files = readdirSync(labeledDirectory)
    .filter((name) => name.endsWith('.ndjson'))
    .sort();
  const texts: string[] = [];
  for (const name of files) {
    for (const line of readFileSync(new URL(name, labeledDirectory), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed === 'object' && parsed !== null && 'text' in parsed && typeof parsed.text === 'string')
        texts.push(parsed.text);
    }
  }
  return texts;
}

const openers = ['', 'Hi, ', 'Hello. ', 'Hey there, ', 'Good morning. ', 'Update: ', 'Re: case - ', 'Hola, '];
const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'yesterday', 'today'];

function firstSentence(text: string): string {
  const end = text.search(/[.!?]\s/);
  return end > 0 ? text.slice(0, end + 1) : text;
}

/** `count` distinct texts; the same seed gives the same texts. */
export function uniqueTexts(
  count: number,
  random: () => number,
  sources: readonly string[] = labeledTexts(),
): string[] {
  const seen = new Set<string>();
  const texts: string[] = [];
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  while (texts.length < count) {
    const main = pick(sources);
    const extra = random() < 0.5 ? ` ${firstSentence(pick(sources))}` : '';
    const reference = random() < 0.6 ? ` Order ${100000 + Math.floor(random() * 900000)}, ${pick(days)}.` : '';
    const text = `${pick(openers)}${main}${extra}${reference}`;
    if (seen.has(text)) continue;
    seen.add(text);
    texts.push(text);
  }
  return texts;
}
