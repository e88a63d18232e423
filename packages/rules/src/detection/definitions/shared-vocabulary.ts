import type { TScopedPatterns } from '../definition-schema.js';

/** Vocabulary shared by several trigger definitions, kept as pattern text. */

/** Someone else's story is not the customer's threat ("my friend sued them"). */
export const thirdPartyStory: TScopedPatterns = {
  scope: 'before',
  anyOf: [
    'my (friend|friends|neighbor|neighbour|neighbors|coworker|coworkers|co worker|cousin|sister|brother|aunt|uncle|roommate|buddy|colleague|boss|in laws|parents|ex|ex husband|ex wife|ex boyfriend|ex girlfriend|former landlord|old landlord)',
    '(a|one|another) (friend|neighbor|neighbour|coworker|customer|lady|guy|woman|man|member|user|reviewer) (of mine)?',
    '(someone|somebody) (i know|online|on reddit|from work|at work|at church)',
    '(someone|somebody) (sued|disputed|posted|filed|went|called|reported|complained|told me|said)',
    '(my|her|his) (husband|wife|partner|son|daughter|mom|dad|mother|father|boyfriend|girlfriend) (says|said|thinks|thought|keeps saying)',
    '(people|others|other customers|some customers|customers) (online|here|on reddit)? (i know|have|had|say|said|are|were|keep|who|did|do|sued|posted|filed|disputed|went|report|reported)',
    '(your|a|another|my old|my previous|the old|the previous) (competitor|competitors|previous company|old company|other company|warranty company|home warranty)',
  ],
};

/** An agent explaining policy or advising the customer, not the customer threatening. */
export const agentPolicyQuote: TScopedPatterns = {
  scope: 'before',
  anyOf: [
    '(advised|advise|informed|inform|explained|explain|told|reminded|educated|let) (the)? (cx|customer|mbr|member|caller|him|her|them|client) (know)? (that|about|of|how|on)?',
    '(i|we) (explained|advised|informed|clarified|mentioned)',
    '(agent|rep|representative|they|you|bank|someone|support|the company|your team) (told|explained to|informed|said to) (me|us) (that)?',
    'if (a|the|any)? (customer|member|cx|mbr|client|caller) (ever)?',
    'if (you|u|a customer|the customer|customers|members) (dispute|disputes|file|files|sue|sues|call|calls|contact|contacts|post|posts|leave|leaves|report|reports|go|goes)',
  ],
};

/** The sentence states policy or procedure ("per policy, chargeback threats go to the lead"). */
export const policyStatement: TScopedPatterns = {
  scope: 'sentence',
  anyOf: [
    '(per|our|the|company|refund|chargeback|escalation) (policy|sop|procedure|guidelines)',
    '(per|company|escalation|refund|chargeback) process',
    '(policy|sop|procedure) (states|says|is|requires)',
    '(reminder|note) from (qa|training|the lead|management)',
    '(agent|team|staff) (reminder|note|tip)',
    '(qa|quality) (comment|note|review|score|check)',
    '(per|under) (ton|cin|care|ll|sol) #',
    '(reminder|note|heads up) (to|for) (the)? (team|agents|staff|all|everyone)',
    '(qa|training) (reminder|note|tip)',
  ],
};

/** The customer denies having threatened ("I never said I'd sue"). */
export const deniedThreat: TScopedPatterns = {
  scope: 'before',
  anyOf: [
    '(never|not|did not|didnt|was not|wasnt|am not|im not|is not|isnt) (said|say|saying|threatened|threatening|meant|mean|suggesting|suggested)',
  ],
};

/** The threatened action belongs to the past and was settled. */
export const resolvedPastEvent: TScopedPatterns = {
  scope: 'sentence',
  anyOf: [
    '(was|were|got|had been|has been|have been) (all|finally|eventually)? (resolved|settled|sorted|fixed|reversed|refunded|taken care of|dropped|closed|withdrawn)',
    '(sorted|worked|straightened) (it|things|everything)? out',
    '(it|that|this|everything) (all)? worked out',
    '(thanks|thank you|thx) (so much)? for (swapping|replacing|fixing|repairing|resolving|sorting|handling|taking care of)',
    '(he|she|they|we|you|i|someone|the tech|the provider|the contractor|the plumber|the electrician|the gas company|the utility|the utility company|the power company|the fire department|the landlord) (came back and|already|finally|eventually|then|quickly|promptly)? (repaired|fixed|patched|replaced|shut off|capped) (it|them|that|everything|the damage|the leak|the line)',
    '(he|she|they|the tech|the provider|the contractor|the plumber|the installer) (fixed|repaired|patched) (the|that) (hole|holes|crack|cracks|scratch|scratches|dent|dents|damage|stain|stains)',
    '(years|months|weeks|a while|long) ago _{0,2} and (repaired|fixed|patched|replaced) (it|them|that|everything)',
    '(came back|went back|returned|was back out|were back out) (and)? (repaired|fixed|patched|replaced|refinished) (it|them|that|everything|the damage|the wall|the floor|the ceiling)?',
    '(came back|went back|returned) to (repair|fix|patch|replace|refinish) (it|them|that|everything|the damage|the wall|the floor|the ceiling)?',
    '(made it right|made things right|made it up to me|no hard feelings|all good now|we are good now|looks great now|good as new)',
    '(you|you guys|y all|yall|you all|they|we|support) (resolved|settled|fixed|sorted) (it|this|that|everything|the issue|things)',
    '(turned out|turns out) (to be)? (a|the|just|only|nothing|fine)',
    '(we|they|i) (settled|resolved it|worked it out|made up)',
    '(repaired|fixed|patched) (and|&) (patched|painted|fixed|repaired|sealed|cleaned) (it|them|everything|the wall|the floor)?',
    '(and|but) (was|got)? (resolved|settled|reversed|closed|withdrawn)',
    '(paid for|covered|reimbursed) (the|my|our)? (repair|repairs|damage|fix)',
    '(repair|repaired|fixed|fix) (it|them) (the same day|that day|same day|right away)',
    '(but|and) (fixed|repaired|sorted|took care of) (it|everything|the problem|the issue|all of it)',
    '(all fine now|everything is fine now|false alarm)',
    '(dropped|withdrew|withdrawn|cancelled|canceled|closed|retracted) (the|my|that) (dispute|chargeback|case|claim|complaint|lawsuit|review)',
    '(withdrew|withdrawn|dropped|retracted|reversed|cancelled|canceled) (it|them) (once|after|when|because|since)',
  ],
};

/** The customer thought about it or asks about it, but is not doing it. */
export const hypotheticalOrAbandoned: TScopedPatterns = {
  scope: 'sentence',
  anyOf: [
    'what (happens|would happen|will happen|if)',
    'hypothetically',
    'just (curious|wondering|asking)',
    '(i am|i was|was) (just)? wondering',
    'in theory',
    '(was|were) (going|gonna|about) to',
    '(used to|would always|always used to) (threaten|say|yell|call|post|sue|dispute)',
    '(thought|thinking) about (it)? _{0,3} but',
    '(almost|nearly) (called|filed|disputed|sued|posted|left|contacted|went)',
    '(changed|change) my mind',
    '(considered|contemplated|thought about|was going to|were going to) _{0,4} but (decided|chose|we ll|i ll|will|figured)',
    '(decided|chose) (not to|against)',
    '(asked|asking|asks|wondering|wants to know|wanted to know) (how|what|whether|if)',
    'no (need|reason) to',
  ],
};

/** The customer's action was aimed at some other business ("I did a chargeback with another company once"). */
export const otherCompanyStory: TScopedPatterns = {
  scope: 'clause',
  anyOf: [
    '(on|against|with|at) (the|a|my) (cable|phone|internet|electric|power|gas|insurance|car|mortgage|utility|water) (company|provider|people|guys)',
    '(with|against|on|to|from|at|for|over|about|regarding|involving) (another|a different|some other|other|a previous|my previous|my old|an old|my last|a former|my former) _{0,1} (company|companies|merchant|merchants|store|stores|business|businesses|provider|retailer|brand|gym|place|seller|landlord|contractor|warranty company|airline|bank)',
  ],
};

/** The customer takes the threat back or says it is all settled ("scratch that, we're good"). */
export const withdrawnThreat: TScopedPatterns = {
  scope: 'message',
  anyOf: [
    '(scratch that|never mind|nevermind|forget what i said|disregard (that|my last|what i said)|i take (it|that) back|taking (it|that) back)',
    '(we are good now|we are good|were good now|all sorted|all settled|all good now|all resolved)',
  ],
};

export const threatGuards: readonly TScopedPatterns[] = [
  thirdPartyStory,
  withdrawnThreat,
  otherCompanyStory,
  agentPolicyQuote,
  policyStatement,
  deniedThreat,
  resolvedPastEvent,
  hypotheticalOrAbandoned,
];
