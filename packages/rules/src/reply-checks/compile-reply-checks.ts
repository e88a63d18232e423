/** Precompiles the pack's reply checks (phrase matchers are built once per policy). */
import type { TReplyCheckSpec } from '../policy/pack-schema.js';

export interface CompiledPhrase {
  readonly phrase: string;
  readonly pattern: RegExp;
}

export interface CompiledReplyCheck {
  readonly spec: TReplyCheckSpec;
  readonly phrases: readonly CompiledPhrase[];
}

const APOSTROPHES = "['\u2019\u2018\u02bc`]";

/**
 * A phrase as a case-insensitive pattern: any run of spaces matches any whitespace, any
 * apostrophe matches the typographic ones, and word characters at the ends need a boundary.
 */
export function phrasePattern(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/);
  const body = words
    .map((word) =>
      [...word]
        .map((char) =>
          /['\u2019\u2018\u02bc`]/.test(char) ? APOSTROPHES : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join(''),
    )
    .join('\\s+');
  const first = phrase.trim().charAt(0);
  const last = phrase.trim().slice(-1);
  const start = /\w/.test(first) ? '\\b' : '';
  const end = /\w/.test(last) ? '\\b' : '';
  return new RegExp(`${start}${body}${end}`, 'giu');
}

export function compileReplyChecks(specs: readonly TReplyCheckSpec[]): CompiledReplyCheck[] {
  return specs.map((spec) => ({
    spec,
    phrases:
      spec.kind === 'LEGAL_NAME_USED' ? [] : spec.phrases.map((phrase) => ({ phrase, pattern: phrasePattern(phrase) })),
  }));
}
