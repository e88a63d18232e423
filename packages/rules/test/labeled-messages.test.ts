import { describe, expect, it } from 'vitest';
import {
  canonicalCodes,
  detectedCodes,
  evaluate,
  formatTable,
  loadLabeledMessages,
  score,
} from './labeled-evaluation.js';

const labeledMessages = loadLabeledMessages('labeled-messages.ndjson');

describe('labeled messages', () => {
  it('the evaluation set is large, labeled with canonical codes only, and a good share fires nothing', () => {
    expect(labeledMessages.length).toBeGreaterThanOrEqual(300);
    expect(new Set(labeledMessages.map((message) => message.id)).size).toBe(labeledMessages.length);
    const known = new Set(canonicalCodes);
    for (const message of labeledMessages) for (const code of message.codes) expect(known).toContain(code);
    const silent = labeledMessages.filter((message) => message.codes.length === 0).length;
    expect(silent / labeledMessages.length).toBeGreaterThan(0.25);
  });

  it('micro-averaged F1 over all codes is at least 0.9', () => {
    const { perCode, total, mistakes } = evaluate(labeledMessages);
    console.log(`${formatTable(perCode, total)}\n\nmismatches (${mistakes.length}):\n${mistakes.join('\n')}`);
    expect(score(total).f1).toBeGreaterThanOrEqual(0.9);
  });
});

/** Traps from the trigger definitions in REQUIREMENTS.md, each with the exact codes expected. */
const hardCases: ReadonlyArray<{ name: string; text: string; codes: string[] }> = [
  {
    name: 'LEGAL_THREAT negated: "not going to sue"',
    text: 'I am not going to sue, I just want this fixed.',
    codes: [],
  },
  {
    name: 'LEGAL_THREAT conditional threat fires',
    text: "If this isn't fixed by Friday I'll sue.",
    codes: ['LEGAL_THREAT'],
  },
  {
    name: 'CHARGEBACK_THREAT negation in the if-clause does not reach the threat',
    text: "if this isn't fixed by Friday I'll call my bank",
    codes: ['CHARGEBACK_THREAT'],
  },
  {
    name: 'CHARGEBACK_THREAT action already taken',
    text: 'I already disputed it with my bank.',
    codes: ['CHARGEBACK_THREAT'],
  },
  { name: 'REVIEW_THREAT action already taken (BBB)', text: 'Already filed with the BBB.', codes: ['REVIEW_THREAT'] },
  {
    name: 'CHARGEBACK_THREAT hypothetical question does not fire',
    text: 'What happens if I dispute the charge with my bank?',
    codes: [],
  },
  {
    name: 'CHARGEBACK_THREAT resolved past event does not fire',
    text: 'I disputed a charge with my bank once but it was resolved, this is about something else.',
    codes: [],
  },
  {
    name: 'LEGAL_THREAT third-party story does not fire',
    text: 'My neighbor sued them over the same thing and won.',
    codes: [],
  },
  {
    name: 'CHARGEBACK_THREAT agent quoting policy does not fire',
    text: 'Advised cx that filing a chargeback will close the account per policy.',
    codes: [],
  },
  {
    name: 'word boundary: issue, pursue, suede',
    text: 'The issue is the suede seat; please pursue it with the vendor.',
    codes: [],
  },
  { name: 'word boundary: Sue as a name', text: 'Sue from billing said to talk to Sue again tomorrow.', codes: [] },
  {
    name: 'word boundary: riverbank and bank holiday',
    text: 'The riverbank flooded and then the bank holiday delayed everything.',
    codes: [],
  },
  {
    name: 'word boundary: property, password and store manager',
    text: 'My property manager, the store manager and my password manager all agree the app is slow.',
    codes: [],
  },
  {
    name: 'word boundary: transaction, transfer, transmission are not "trans"',
    text: 'The transaction failed, the transfer bounced and the transmission on the truck died.',
    codes: [],
  },
  {
    name: 'word boundary: "review my account"',
    text: 'Can you review my account and tell me what happened?',
    codes: [],
  },
  {
    name: 'word boundary: bbq is not BBB',
    text: 'We have a bbq on Saturday so the tech should come Monday.',
    codes: [],
  },
  { name: 'word boundary: Trust & Safety', text: 'Trust & Safety asked me to verify my ID again.', codes: [] },
  {
    name: 'word boundary: power of attorney',
    text: 'I have power of attorney for my father and need access to his account.',
    codes: [],
  },
  {
    name: 'CIN-2 REPEAT_ESCALATION fires without SUPERVISOR_REQUEST',
    text: 'I already spoke to a supervisor yesterday. I want to talk to their boss.',
    codes: ['REPEAT_ESCALATION'],
  },
  {
    name: 'CIN-2 REPEAT_ESCALATION with an executive adds EXECUTIVE_REQUEST',
    text: 'I talked to a manager already and got nowhere, I want the CEO.',
    codes: ['EXECUTIVE_REQUEST', 'REPEAT_ESCALATION'],
  },
  {
    name: 'another supervisor is SUPERVISOR_REQUEST only',
    text: 'The supervisor was rude, I want to speak with another supervisor.',
    codes: ['SUPERVISOR_REQUEST'],
  },
  {
    name: 'TON-1 SUPERVISOR_REQUEST synonym: your boss',
    text: 'Let me talk to your boss.',
    codes: ['SUPERVISOR_REQUEST'],
  },
  {
    name: 'TON-1 SUPERVISOR_REQUEST synonym: someone above you',
    text: 'Is there someone above you who can approve this?',
    codes: ['SUPERVISOR_REQUEST'],
  },
  {
    name: 'TON-1 SUPERVISOR_REQUEST synonym: team lead',
    text: 'cx wants team lead on the line',
    codes: ['SUPERVISOR_REQUEST'],
  },
  { name: 'a different agent is not a supervisor request', text: 'Can I get a different agent please?', codes: [] },
  {
    name: 'conditional supervisor ask is not a request',
    text: "If the tech doesn't show tomorrow I'll want a supervisor.",
    codes: [],
  },
  { name: 'CIN-2 EXECUTIVE_REQUEST', text: 'I want an executive to call me back today.', codes: ['EXECUTIVE_REQUEST'] },
  {
    name: 'LL-7 LAWYER_CONTACT when the lawyer is the one calling',
    text: 'This is Dana Lee, attorney with Lee & Park, calling on behalf of our client about her refund.',
    codes: ['LAWYER_CONTACT'],
  },
  {
    name: 'customer mentioning their lawyer without a threat gets nothing',
    text: 'My lawyer helped me read the contract, it seems fine.',
    codes: [],
  },
  {
    name: 'customer threatening with their lawyer is LEGAL_THREAT only',
    text: "I'm calling my lawyer.",
    codes: ['LEGAL_THREAT'],
  },
  {
    name: 'a lawyer threatening suit gets LAWYER_CONTACT and LEGAL_THREAT',
    text: 'We represent Ms. Hart and will file a lawsuit unless the charges are reversed.',
    codes: ['LAWYER_CONTACT', 'LEGAL_THREAT'],
  },
  {
    name: 'LL-8 FINANCIAL_INSTITUTION_CONTACT about a filed chargeback adds CHARGEBACK_THREAT',
    text: 'Capital One called about a chargeback the customer filed on order 5512.',
    codes: ['CHARGEBACK_THREAT', 'FINANCIAL_INSTITUTION_CONTACT'],
  },
  {
    name: 'LL-8 MID question',
    text: 'What is your MID? Our processor needs it.',
    codes: ['FINANCIAL_INSTITUTION_CONTACT'],
  },
  {
    name: 'REVIEW_THREAT on TikTok is not MEDIA_THREAT',
    text: "I'm making a TikTok video about how you scammed me.",
    codes: ['REVIEW_THREAT'],
  },
  {
    name: 'REVIEW_THREAT unnamed worst review ever',
    text: 'Get ready for the worst review ever.',
    codes: ['REVIEW_THREAT'],
  },
  {
    name: 'REVIEW_THREAT app store',
    text: 'Leaving a one star review in the app store tonight.',
    codes: ['REVIEW_THREAT'],
  },
  { name: 'positive review is not a threat', text: "I'll leave you a 5 star review on Google!", codes: [] },
  {
    name: 'on-platform provider review is not a threat',
    text: 'I want to review my nanny on your site, she was fantastic.',
    codes: [],
  },
  {
    name: 'CARE-R1 "delete my review" is removal, not privacy',
    text: 'Please delete my review.',
    codes: ['REVIEW_REMOVAL_REQUEST'],
  },
  { name: 'CARE-R1 edit my review', text: 'Can I edit my review of the sitter?', codes: ['REVIEW_EDIT_REQUEST'] },
  { name: 'CARE-P2 delete my data', text: 'Please delete all of my personal data.', codes: ['PRIVACY_REQUEST'] },
  { name: 'card removal is not a privacy request', text: 'Remove my credit card from my account.', codes: [] },
  { name: 'unsubscribe is not a privacy request', text: 'Please remove me from your marketing emails.', codes: [] },
  {
    name: 'duplicate account cleanup is not a privacy request',
    text: 'Delete my duplicate account please.',
    codes: [],
  },
  {
    name: 'cancelling while keeping the account is not a privacy request',
    text: 'Cancel my membership but keep my account and profile.',
    codes: [],
  },
  {
    name: 'ABUSIVE_CUSTOMER aimed at the agent',
    text: "You're a useless idiot.",
    codes: ['ABUSIVE_CUSTOMER'],
  },
  { name: 'cursing about the product is not abuse', text: 'This damn app is shit and crashes every day.', codes: [] },
  {
    name: 'LL-9 ADVERSE_REACTION needs treatment',
    text: 'I got hives after taking the supplement and went to urgent care.',
    codes: ['ADVERSE_REACTION'],
  },
  {
    name: 'reaction without treatment gets no code',
    text: 'I got a mild rash from the cream, it went away.',
    codes: [],
  },
  {
    name: 'injury from equipment is HEALTH_SAFETY, not ADVERSE_REACTION',
    text: 'The cable snapped and cut my hand, I had to go to the ER.',
    codes: ['HEALTH_SAFETY'],
  },
  {
    name: 'gas smell is HEALTH_SAFETY and SOS_HIGH_RISK',
    text: 'I smell gas near the furnace the tech just fixed.',
    codes: ['HEALTH_SAFETY', 'SOS_HIGH_RISK'],
  },
  {
    name: 'no heat with an infant is SOS_HIGH_RISK only',
    text: 'We have no heat and a 2 month old baby at home.',
    codes: ['SOS_HIGH_RISK'],
  },
  {
    name: 'no cooling in extreme heat is SOS_HIGH_RISK only',
    text: 'The AC is not working and it is 104 degrees today.',
    codes: ['SOS_HIGH_RISK'],
  },
  {
    name: 'CIN-2 PROPERTY_DAMAGE current home damage',
    text: 'The plumber flooded my kitchen floor and never called back.',
    codes: ['PROPERTY_DAMAGE'],
  },
  {
    name: 'package damage is not property damage',
    text: 'The box arrived damaged and the unit is scratched.',
    codes: [],
  },
  {
    name: 'repaired past damage is not property damage',
    text: 'The tech scratched the floor but it was repaired last week.',
    codes: [],
  },
  { name: 'CARE-G1 deadname keyword', text: 'Your emails keep using my deadname.', codes: ['GENDER_IDENTITY'] },
  { name: 'CARE-G1 pronouns', text: 'Please update my pronouns to she/her.', codes: ['GENDER_IDENTITY'] },
  {
    name: 'name change after marriage is not gender identity',
    text: 'I got married, please change my name to Ana Ruiz.',
    codes: [],
  },
  {
    name: '"I don\'t identify with your brand" is not gender identity',
    text: "I don't identify with your brand anymore.",
    codes: [],
  },
  { name: 'a request for a male aide is not gender identity', text: 'Can we get a male aide for my dad?', codes: [] },
  {
    name: 'CIN-1 SERVICE_DELAY company parts late',
    text: 'The part Cinch ordered is still on backorder after three weeks.',
    codes: ['SERVICE_DELAY'],
  },
  {
    name: 'CIN-1 PROVIDER_DELAY missed appointment',
    text: 'The technician never showed up today.',
    codes: ['PROVIDER_DELAY'],
  },
  { name: 'TON-7 REPEAT_RMA stated outright', text: 'This is my third RMA for the same arm.', codes: ['REPEAT_RMA'] },
  { name: 'one broken replacement is not REPEAT_RMA', text: 'The replacement is also broken.', codes: [] },
  {
    name: 'LL-8 STALE_REFUND processed over 14 days ago',
    text: 'The refund was processed 3 weeks ago and I still have not received it.',
    codes: ['STALE_REFUND'],
  },
  {
    name: 'STALE_REFUND from the dates given: processed 4/1, still missing on 4/28',
    text: 'Refund shows processed on 4/1 on your end. Today is 4/28 and my bank has nothing.',
    codes: ['STALE_REFUND'],
  },
  {
    name: 'dates a week apart are no STALE_REFUND',
    text: 'Refund shows processed on 4/1 on your end. Today is 4/8 and my bank has nothing.',
    codes: [],
  },
  {
    name: 'a refund never processed is not STALE_REFUND',
    text: 'You promised a refund a month ago and it has not been processed.',
    codes: [],
  },
];

describe('hard cases from the trigger definitions', () => {
  for (const hardCase of hardCases) {
    it(hardCase.name, () => {
      expect(detectedCodes(hardCase.text)).toEqual([...hardCase.codes].sort());
    });
  }
});
