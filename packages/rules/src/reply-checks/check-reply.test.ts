import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../engine/compile-policy.js';
import { solarPolicyPack } from '../packs/solar.js';
import { tonalPolicyPack } from '../packs/tonal.js';
import { parsePolicyPack } from '../policy/parse-pack.js';
import { checkReply } from './check-reply.js';

const FORBIDDEN = "I've worked this to the best of my abilities and escalated your request to a supervisor";

// a pack carrying the three kinds of reply check as LL, CARE and SOLAR use them
const policy = compilePolicy(
  parsePolicyPack({
    ...tonalPolicyPack,
    replyChecks: [
      { id: 'no-best-of-abilities', requirementIds: ['LL-10'], kind: 'FORBIDDEN_PHRASE', phrases: [FORBIDDEN] },
      { id: 'preferred-name', requirementIds: ['CARE-G2'], kind: 'LEGAL_NAME_USED' },
      {
        id: 'no-unprompted-escalation',
        requirementIds: ['SOL-1'],
        kind: 'UNPROMPTED_ESCALATION_OFFER',
        phrases: ['would you like me to escalate', 'I can escalate', 'transfer you to a supervisor'],
      },
    ],
  }),
);

describe('checkReply', () => {
  it('LL-10 flags the forbidden phrase with offsets, also with a typographic apostrophe and line breaks', () => {
    const reply = `Hi Sam,\nI’ve worked this to the best of my abilities and\nescalated your request to a supervisor. Thanks`;
    const findings = checkReply(policy, { text: reply });
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({
      checkId: 'no-best-of-abilities',
      kind: 'FORBIDDEN_PHRASE',
      requirementIds: ['LL-10'],
    });
    expect(reply.slice(finding?.start, finding?.end)).toBe(finding?.phrase);
    expect(finding?.start).toBe(reply.indexOf('I’ve'));
  });

  it('LL-10 a reply without the phrase passes', () => {
    expect(checkReply(policy, { text: 'I have escalated your refund request to our lead.' })).toEqual([]);
  });

  it('CARE-G2 flags the legal name when a preferred name is set, not the preferred name', () => {
    const text = 'Hi Jonathan, thanks Alex — Jonathan Smith is the name on the account.';
    const findings = checkReply(policy, {
      text,
      customer: { preferredName: 'Alex', legalName: 'Jonathan Smith', signInMethods: [] },
    });
    expect(findings.map((finding) => finding.phrase)).toEqual(['Jonathan', 'Jonathan Smith']);
    expect(findings.every((finding) => finding.kind === 'LEGAL_NAME_USED')).toBe(true);
    expect(text.slice(findings[1]?.start, findings[1]?.end)).toBe('Jonathan Smith');
  });

  it('CARE-G2 no preferred name, or only the preferred name used → no finding; word boundaries respected', () => {
    const customer = { preferredName: 'Alex Smith', legalName: 'Al Smith', signInMethods: [] };
    expect(checkReply(policy, { text: 'Hello Alex Smith, Albert from support here.', customer })).toEqual([]);
    expect(checkReply(policy, { text: 'Hi Jonathan', customer: { legalName: 'Jonathan', signInMethods: [] } })).toEqual(
      [],
    );
  });

  it('SOL-1 flags an unprompted escalation offer; allowed when the customer asked', () => {
    const text = 'I understand. Would you like me to escalate this?';
    const unprompted = checkReply(policy, { text });
    expect(unprompted).toEqual([
      expect.objectContaining({
        checkId: 'no-unprompted-escalation',
        phrase: 'Would you like me to escalate',
        start: 14,
      }),
    ]);
    expect(checkReply(policy, { text, customerAskedForEscalation: true })).toEqual([]);
  });

  it('SOL-1 a pack code such as solar:ESCALATION_REQUEST counts as the customer asking', () => {
    const solar = compilePolicy(parsePolicyPack(solarPolicyPack));
    const text = 'I understand. Would you like me to escalate this?';
    const offered = (input: Omit<Parameters<typeof checkReply>[1], 'text'>) =>
      checkReply(solar, { text, ...input }).map((finding) => finding.kind);
    expect(offered({ customerText: 'The panels still leak and nobody called me back.' })).toEqual([
      'UNPROMPTED_ESCALATION_OFFER',
    ]);
    expect(offered({ customerText: 'I need this escalated, the panels still leak.' })).toEqual([]);
    expect(offered({ caseTriggerCodes: ['solar:ESCALATION_REQUEST'] })).toEqual([]);
    expect(offered({ caseTriggerCodes: ['solar:QUALIFIES_FOR_REVIEW'] })).toEqual(['UNPROMPTED_ESCALATION_OFFER']);
  });

  it('SOL-1 refuses ask codes that are neither canonical nor the pack own', () => {
    const check = solarPolicyPack.replyChecks[0];
    expect(() =>
      parsePolicyPack({
        ...solarPolicyPack,
        replyChecks: [{ ...check, customerAskCodes: ['cinch:ESCALATION_REQUEST'] }],
      }),
    ).toThrow(/cinch:ESCALATION_REQUEST/);
  });

  it('runs only the requested checks', () => {
    const text = `${FORBIDDEN}. I can escalate too.`;
    expect(checkReply(policy, { text, checkIds: ['no-best-of-abilities'] }).map((finding) => finding.checkId)).toEqual([
      'no-best-of-abilities',
    ]);
    expect(checkReply(policy, { text }).map((finding) => finding.checkId)).toEqual([
      'no-best-of-abilities',
      'no-unprompted-escalation',
    ]);
  });
});
