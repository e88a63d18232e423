import { describe, expect, it } from 'vitest';
import { checkCompatibility, unreleasedNotes } from './schema-compat.js';

const released = /* GraphQL */ `
  type Query { case(id: ID!): Case }
  type Case { id: ID! subject: String! priority: Priority! }
  enum Priority { HIGH LOW }
`;

const changelog = (notes: string) =>
  `# Changelog\n\n## Unreleased\n\n${notes}\n\n## 0.1.0\n\n- \`Case.subject\` old note\n`;

describe('schema breaking-change check', () => {
  it('additions are safe and need no note', async () => {
    const current = `${released}\nextend type Case { brand: String }`;
    const report = await checkCompatibility(released, current, changelog(''));
    expect(report.breaking).toHaveLength(0);
    expect(report.safe).toBeGreaterThan(0);
  });

  it('a removed field fails until the Unreleased section names its path', async () => {
    const current = released.replace('subject: String! ', '');
    const silent = await checkCompatibility(released, current, changelog(''));
    expect(silent.unannounced.map((change) => change.path)).toEqual(['Case.subject']);
    // a note under an older release does not count
    expect(unreleasedNotes(changelog(''))).not.toContain('Case.subject');
    const announced = await checkCompatibility(
      released,
      current,
      changelog('- `Case.subject` removed; use `description`'),
    );
    expect(announced.breaking).toHaveLength(1);
    expect(announced.unannounced).toHaveLength(0);
  });

  it('a removed enum value is breaking', async () => {
    const report = await checkCompatibility(released, released.replace('HIGH ', ''), changelog(''));
    expect(report.unannounced.map((change) => change.path)).toEqual(['Priority.HIGH']);
  });
});
