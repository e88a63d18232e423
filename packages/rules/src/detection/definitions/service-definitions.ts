import type { TScopedPatterns, TTriggerDefinitionInput } from '../definition-schema.js';
import { resolvedPastEvent, thirdPartyStory } from './shared-vocabulary.js';

/** The provider's own part (they ordered it, it is theirs): PROVIDER_DELAY, never SERVICE_DELAY. */
const providerOwnPart = [
  '(@service-provider) s? (own)? (part|parts)',
  '(@service-provider) _{0,3} (their|his|her) (own)? (part|parts)',
  '(@appliance-part) (that)? (they|he|she|the sp|sp|the tech|the provider|the contractor|the plumber) (ordered|sourced|are getting|is getting|had to order)',
];

const notYet: TScopedPatterns = {
  scope: 'clause',
  anyOf: ['(if|unless|in case|what if|hopefully|hope)'],
};

export const serviceDelay: TTriggerDefinitionInput = {
  code: 'SERVICE_DELAY',
  detectorId: 'text.service-delay',
  description: 'Parts or approval the company is responsible for are late (CIN-1).',
  guards: [notYet, { scope: 'sentence', anyOf: ['what does (that|this|it) mean'] }],
  cues: [
    {
      id: 'parts-late',
      guards: [
        {
          scope: 'sentence',
          anyOf: [
            '(@service-provider|he|she|they) _{0,3} (ordered|order|orders|ordering|is ordering|has to order|had to order|needs to order|sourcing|sourced) _{0,4} (part|parts|the part|the parts|compressor|motor|board)',
            ...providerOwnPart,
            '(his|her|their) (supplier|distributor|supply house|vendor|parts house|manufacturer)',
            '(installer|installers|install|installation) (keeps|kept|keep|is|was) (rescheduling|cancelling|canceling|pushing|delayed|pushed)',
            '(himself|herself|themselves|myself|ourselves|on my own|on our own)',
          ],
        },
      ],
      patterns: [
        '(@appliance-part) _{0,10} (@delay-phrase)',
        '(esperando|esperamos|espero|esperar) (la|las|el|los|una|un)? (pieza|piezas|parte|partes|repuesto|repuestos)',
        '(waiting|waited|wait|still waiting|been waiting|esperando) _{0,4} (for|on) _{0,6} (@appliance-part|a part)',
        '(days|weeks|months) (and|with|but)? (still)? (no|without) (part|parts|pieza|piezas)',
        '(part|parts) (ordered|shipped|sent) by (you|cinch|the warranty company|your company|the company|warranty)',
        '(part|parts|pieza|piezas) (were|was) (supposed|meant|scheduled|due) to (ship|arrive|come|be here|be delivered)',
        '(you|you guys|yall|cinch|your company|the warranty company) (ordered|were sending|said you would send) (the|my|our)? _{0,2} (@appliance-part|parts) (a|over a|more than a|#)? (month|months|weeks|week|days) ago',
        '(part|parts|pieza|piezas) (you|your company|cinch|the warranty company|you guys) (ordered|sent|shipped|were sending|are sending) _{0,4} (was|were|is|are) (supposed|meant|scheduled|due|promised) to (ship|arrive|come|be here|be delivered)',
      ],
    },
    {
      id: 'approval-late',
      patterns: [
        '(you|cinch|warranty|the warranty company|warranty company|your company|you guys) (still)? (has not|hasnt|have not|havent|never) (sent|shipped|ordered|delivered|mailed) (the|my|our|any)? (part|parts|replacement part|pieza)',
        '(waiting|waited|wait|still waiting|been waiting) _{0,4} (for|on) (you|you guys|cinch|yall|your company|the warranty company) to (approve|authorize|sign off|okay|ok)',
        '(you|cinch|warranty|the warranty company|your company|you guys) (has not|hasnt|have not|havent|still has not|still hasnt|still have not|never) (authorized|approved|authorised|approve|authorize) (the|my|our)? (repair|claim|part|work|replacement)?',
        '(nobody|no one|noone) (has|have)? (yet)? (approved|authorized|authorised|signed off)',
        '(waiting|waited|still waiting|been waiting) _{0,4} (for|on) (you|you guys|cinch|yall|your company|the warranty company|your team|your claims team|the company) to (send|ship|deliver|order|provide|get)',
        '(still)? (pending|awaiting) (approval|authorization|authorisation) _{0,3} (days|weeks|months|week|month|forever|ages)',
        '(no|still no|still waiting on|havent gotten|have not gotten|havent received|have not received|never got|havent heard about|have not heard about) (the)? (authorization|approval|authorisation|aprobacion|autorizacion)',
        '(waiting|waited|wait|still waiting|been waiting|awaiting) _{0,4} (for|on) _{0,3} (auth|approval|authorization|authorisation|claim approval|you to approve|cinch to approve|a decision|an answer on my claim|aprobacion|autorizacion)',
        '(approval|authorization|authorisation) _{0,4} pending (with|w) (our|the|your|cinch)? (claims team|claims|team|side|end)',
        '(approval|authorization|authorisation|claim approval|claim decision) _{0,7} (delayed|late|taking|still|stuck|held up|not come through|hasnt come through|has not come through|sitting|been sitting|pending review|in review|under review)',
        '(your|ur|cinch s|the warranty company s) (purchasing team|purchasing|purchasing dept|purchasing department|parts team|parts department|parts dept|procurement|ordering team|ordering department) _{0,3} (still)? (has not|hasnt|have not|havent|never|not yet|still has not|still hasnt) (placed|sent|made|submitted|put in) (the|an|a)? (order|po|purchase order)',
        '(you are|you re|your company is|cinch is|the warranty company is|your team is) (the|our)? (holdup|hold up|bottleneck|delay|problem|one holding)',
        '(you|cinch|you guys|your company|the warranty company) _{0,3} (delayed|delaying|holding up|dragging|dragging your feet|sitting on)',
        '(your|ur) (claims team|claims department|claims dept|team|office|adjuster|claims adjuster|approval team|authorization team|underwriters|back office) _{0,3} (delayed|delaying|holding up|dragging|dragging their feet|dragging its feet|sitting on)',
      ],
    },
    {
      id: 'blocked-on-approval',
      patterns: [
        '(until|till|til|before|unless) (you|you guys|yall|cinch|the warranty company|your company|your team|warranty) (approve|approves|authorize|authorizes|authorise|authorises|sign off|signs off|ok|okay|give the ok|gives the ok)',
        '(need|needs|needed|waiting for) (your|cinch s|the warranty company s|warranty) (approval|authorization|authorisation|ok|okay|sign off)',
        '(has not|hasnt|still has not|still hasnt|not yet|never) been (ordered|shipped|sent|placed)',
        '(cinch|you|the warranty company|warranty|your company|you guys) (had to|has to|needs to|need to|needed to|must|would have to) (approve|authorize|authorise|ok|okay|sign off on)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(@delay-phrase|still|been # (days|weeks|months)|for (days|weeks|months)|for a (week|month)|no (word|update|answer|response)|nobody called|no one called|never called|never heard)',
          ],
        },
      ],
    },
  ],
};

export const providerDelay: TTriggerDefinitionInput = {
  code: 'PROVIDER_DELAY',
  detectorId: 'text.provider-delay',
  description: "A missed appointment, a delayed installation, or the provider's own part is late (CIN-1).",
  guards: [notYet, resolvedPastEvent],
  cues: [
    {
      id: 'missed-appointment',
      patterns: [
        '(nobody|no one|noone) (showed|came|arrived|turned up|came out|showed up)',
        '(@service-provider) (not|no|never|did not) (came|come|show|showed|arrive|arrived|show up|showed up)',
        '(@service-provider|repair man|repairman|man|guy) (was|were) (meant|supposed|scheduled|due) to (turn up|show up|show|come|arrive) (between|at|by|before|in the)',
        '(stood up|got stood up|been stood up) (by)? (the|my|our)? _{0,2}',
        '(man|guy|person|woman|worker|crew|team|someone|tech|technician) (who|that) (was|were) (supposed|scheduled|meant|booked) to _{0,8} (never|did not|didnt|not) (showed|show|came|come|arrived|turned up|show up)',
        '(no|still no) (@service-provider|one) (has|have|had)? (ever)? (shown up|showed up|shown|come|arrived|come out|turned up|been out|been here|been by)',
        '(tecnico|tecnicos|plomero|proveedor|electricista) _{0,2} (no|nunca) (se presento|vino|llego|aparecio|se aparecio)',
        '(la cita|la visita|la instalacion|la reparacion) (se)? (cancelo|cancelaron|reprogramo|reprogramaron|pospuso|pospusieron|ha cancelado|han cancelado)',
        '(tecnico|tecnicos|plomero|proveedor|electricista|instalador|instaladores) _{0,2} (falto|faltaron|cancelo|cancelaron|no cumplio) (a la cita|a las citas|la cita)?',
        '(he|she|they|nobody|no one|noone) _{0,3} (no show|no showed|no call no show|never (showed|turned up)|did not (show|turn up)|didnt (show|turn up)|failed to show|no llego)',
        'stood (me|us|my family) up',
        '(got|get|was|were|been|keep getting) stood up',
        '(they|he|she) (rescheduled|cancelled|canceled|postponed|bailed) (again|once more|yet again)',
        '(second|third|fourth|fifth|2nd|3rd|4th|5th) time (the|my|our)? (install|installation|appointment|appt|visit|service) (date)? (has|was|got)? (been)? (moved|changed|rescheduled|pushed|cancelled|canceled)',
        '(@service-provider) _{0,6} (has|have)? (rescheduled|cancelled|canceled|postponed) (twice|again|# times|three times|two times)',
        '(@service-provider) _{0,4} (no show|no showed|no call no show|never (showed|came|arrived|turned up)|did not (show|come|arrive|turn up)|didnt (show|come|arrive|turn up)|failed to (show|come|arrive)|showed up late|no llego|no vino|bailed|flaked|ghosted|blew off|blew us off|blew me off|cancelled on|canceled on|missed|cancelled|canceled|rescheduled|rescheduling|cancelling|canceling|postponing|postponed|pushing back|pushed back|was late|were late|is late|hours late)',
        '(@service-provider) _{0,4} (still has not|still hasnt|has not|hasnt|never|not yet|still not|still) (scheduled|called to schedule|set up|booked|confirmed|reached out)',
        '(@service-provider) _{0,4} (still has not|still hasnt|has not|hasnt|not yet|still not|still did not) (shown up|shown|showed up|come|come out|arrived|turned up)',
        '(second|third|fourth|fifth|2nd|3rd|4th|5th) (reschedule|rescheduling|time rescheduling|time they rescheduled|cancellation|cancelation|missed visit|missed appointment|no show)',
        '(missed|missing|blown|skipped) (the|my|our|a|his|their|another|two|2|three|3)? (appointment|appointments|appt|appts|window|service window|visit|service call|install|installation)',
        '(waiting|waited|wait|still waiting|been waiting|sat home|stayed home|took off work|took the day off) _{0,5} (for|on) _{0,2} (the|a|my|your|any)? (@service-provider) _{0,3} (to)? (come|show|arrive|call|schedule|return)?',
      ],
      guards: [
        {
          scope: 'overlap',
          anyOf: [
            '(i|we|i have|we have|i had|we had) (missed|forgot|skipped|cancelled|canceled|rescheduled)',
            '(will|ll|he will|she will|they will|i will|can|happy to) wait',
            'no call (back|from)',
            'missed (call|calls)',
            '(reason|reasons|refund reason) _{0,3} (no show|no shows|noshow)',
            '(refunds|refunded) _{0,6} (no show|no shows|noshow)',
            '(refund|refunds|refunded) _{0,6} (provider|caregiver|sitter)? (did not|didnt|never) (arrive|show|come)',
          ],
        },
        {
          scope: 'sentence',
          anyOf: [
            '(booking|refund|cancellation|same|cancel) (reason|reasons)',
            '(waiting|wait|waited) (on|for) (your|cinch|cinch s|the warranty|you|approval|authorization|auth)',
            '(never|did not|didnt|has not|hasnt|wont|will not) (came|come) back (to)? (clean|fix|repair|patch|finish|look)',
            '(for|with) (the)? reason',
            '(with|the) (reason|reasons|reason code)',
            '(coded|coded as|code|codes)',
          ],
        },
      ],
    },
    {
      id: 'no-show',
      patterns: ['(no show|no shows|no showed|noshow|no call no show|no call)'],
      guards: [
        {
          scope: 'sentence',
          anyOf: ['(refund|refunds|refunded|refunding|reembolso|reason|reasons)', 'no call (back|from)'],
        },
      ],
    },
    {
      id: 'supposed-to-come',
      patterns: [
        '(@service-provider|he|she|they) _{0,3} (was|were|is|are) (supposed|scheduled|meant|due) to (come|arrive|show|be here|be there|come out|fix|repair|install|replace)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(nobody|no one|noone|not here|never|still waiting|no show|did not|didnt|no call|still no|not yet|hasnt|has not)',
          ],
        },
      ],
    },
    {
      id: 'install-delayed',
      patterns: [
        '(install|installation|instalacion) _{0,8} (slipping|slips|slipped|keeps moving|keeps changing|keeps getting moved|delayed|pushed|pushed back|postponed|rescheduled|cancelled|canceled|still not|not done|not happened|hasnt happened|has not happened|keeps getting|keeps being|for weeks|for months|weeks late|late)',
        '(delayed|postponed|rescheduled|late) (install|installation)',
        '(@service-provider|they) _{0,4} (keeps|keep|kept) (pushing|moving|bumping|rescheduling|delaying) (it|this|us|me|that) (back|out|off)?',
        '(install|installation|appointment|appt|service date|visit) (was|is|got)? (scheduled|set|booked|planned|supposed to be) (for)? _{0,4} then _{0,4} (now|then|and now)',
        '(@service-provider|they) _{0,4} (keeps|keep|kept) (moving|changing|pushing back|pushing|rescheduling|cancelling|canceling) (my|the|our)',
        '(pushed|pushing|delayed|delaying|postponed|postponing|rescheduled|rescheduling|cancelled|canceled) (back)? (my|the|our) (install|installation|appointment|appt|service date)',
        '(pushed|pushing|moved|bumped|rescheduled|delayed) (my|the|our) _{0,3} (install|installation|appointment|appt|visit) (back|out)',
        '(waiting|waited|still waiting|been waiting) _{0,4} (for|on) _{0,3} (install|installation|the install|them to install|it to be installed)',
      ],
    },
    {
      id: 'install-date-passed',
      patterns: [
        '(install|installation|instalacion) _{0,5} (was|is|had been|has been) (scheduled|supposed|set|planned|booked|promised|due) (for|to be)? _{0,4}',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(still|not yet|yet to|have not|has not|hasnt|havent|no sign|not on|not installed|not done|not up|nothing|never)',
            '(it s|its|it is|now it s|now its|now it is|now) (january|february|march|april|may|june|july|august|september|october|november|december)',
          ],
        },
      ],
    },
    {
      id: 'provider-part-late',
      patterns: [
        '(@service-provider|he|she|they) _{0,4} (waiting|waits|waited) (on|for) (his|her|their|the) (supplier|distributor|part|parts|manufacturer|vendor)',
        '(his|her|their) (supplier|distributor|supply house|manufacturer|vendor|parts house) _{0,3} (hasnt|has not|still hasnt|still has not|never|not yet|didnt|did not|is late|is behind|backordered|back ordered|out of stock|delayed|wont|will not)',
        '(@service-provider|he|she|they) _{0,3} (ordered|order|orders|ordering|had to order|has to order|needed to order) _{0,4} (@appliance-part|a part)',
        ...providerOwnPart,
      ],
      requires: [{ scope: 'message', anyOf: ['(@delay-phrase|never|still|yet|where is|where are|no word|no update)'] }],
      guards: [
        {
          scope: 'sentence',
          anyOf: [
            '(waiting|wait|waited|awaiting) _{0,3} (for|on) _{0,2} (your|cinch|the warranty company|you guys|you to|approval|authorization|authorisation|auth)',
            '(until|till|til|once|before) (you|you guys|cinch|the warranty company|your company) (approve|approves|authorize|authorizes|ok|okay|sign off)',
          ],
        },
      ],
    },
  ],
};

export const claimDispute: TTriggerDefinitionInput = {
  code: 'CLAIM_DISPUTE',
  detectorId: 'text.claim-dispute',
  description: 'Disagrees with the claim credit or cap amount (CIN-1).',
  guards: [
    {
      scope: 'overlap',
      anyOf: [
        'credit (card|cards|score|report|union|check|bureau)',
        '(replacement|repl|unit|model) (offer|offers|offered)',
      ],
    },
  ],
  cues: [
    {
      id: 'refuses-offer',
      patterns: [
        '(not|wont|will not|do not|dont|cannot|can not|refuse to) (accept|accepting|take|taking) (that|this|it|your) (offer|amount|credit|number)?',
      ],
      requires: [
        { scope: 'message', anyOf: ['(offer|offering|offered|credit|cap|payout|cash out|cash offer|amount|buyout)'] },
      ],
      guards: [
        {
          scope: 'message',
          anyOf: [
            '(replacement|model|brand|unit offered|downgrade|top load|front load|french door|side by side|top freezer|to replace|basic|functions|features|dispenser|ice maker|like mine|convection|steam|you offer me|you offered me)',
            'offered (washer|dryer|fridge|refrigerator|unit|model|range|oven|dishwasher|ac|furnace|one|microwave)',
          ],
        },
      ],
    },
    {
      id: 'amount-falls-short',
      patterns: [
        '(doesnt|does not|dont|do not|wont|will not|not) (even)? (come close|come anywhere close|cover it|cover half|cover the cost|cover the labor|cover the repair|cover the replacement|cover a new one|buy a new one)',
      ],
      requires: [
        { scope: 'message', anyOf: ['(#|credit|cap|payout|offer|offered|offering|amount|buyout|cash)'] },
        { scope: 'message', anyOf: ['(claim|repair|replacement|new|credit|cap|payout|offer|offered|offering)'] },
      ],
    },
    {
      id: 'states-the-right-amount',
      patterns: [
        '(claim credit|credit|cap|cap amount|coverage cap|coverage limit|payout|buyout|settlement) (should|should have|is supposed to|was supposed to|ought to) (be|been) #',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(disagree|disagrees|dispute|disputing|wrong|not right|unfair|not fair|not #|instead of|only|shortchanged|short changed)',
          ],
        },
      ],
    },
    {
      id: 'amount-against-cost',
      patterns: [
        '# (for|on|toward|towards|against) (a|an|the|my|our)? # _{0,3}',
        '# (of|out of) (the|my|our|a)? # (i|we)? (paid|spent|owe|was charged|were charged)?',
        '# (cap|credit|payout|limit|offer|max|maximum) (on|for|toward|towards|against) (a|an|the|my|our)? #',
        '(quote|quoted|estimate|estimated|invoice|bill|costs|cost|price|priced|runs) (is|was|at|of|for)? #',
        '(half|a third|a quarter|a fraction|less than half) (of)? (what|the cost|the price|the quote)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(cap|credit|offer|offering|offered|payout|cash|limit|buyout|settlement|adjuster|applied|covered|coverage|in lieu)',
          ],
        },
        {
          scope: 'message',
          anyOf: [
            '(disagree|disagrees|dispute|disputing|not acceptable|unacceptable|garbage|joke|ridiculous|insulting|insult|recalculate|recalculated|correct|corrected|wrong|not fair|unfair|not okay|not ok|no way|absurd|outrageous|lowball|not enough|too low|how did you|not what i paid|what i paid for|rip off|ripoff|scam|insane|crazy|seriously)',
          ],
        },
      ],
      guards: [
        {
          scope: 'message',
          anyOf: ['(replacement|model|brand) (offered|you offered|they offered|you picked|they picked|is|was)'],
        },
      ],
    },
    {
      id: 'amount-short',
      patterns: [
        '# (over|above|past|beyond) (the|my|our)? (cap|limit|coverage limit|max|maximum)',
        '# (vs|versus|against|compared to|compared with) (his|her|my|the|their|our)? # (quote|estimate|invoice|bill)',
        '# (short of|less than|below|under) (the|my|his|her|their|our)? _{0,1} (invoice|quote|estimate|cost|price|bill)',
      ],
      requires: [{ scope: 'message', anyOf: ['(cap|credit|offer|cash out|cash|payout|limit|buyout|claim)'] }],
      guards: [{ scope: 'message', anyOf: ['(charge|charged|bank|card|billing|subscription)'] }],
    },
    {
      id: 'disputes-the-figure',
      patterns: [
        '(i|we) (disagree|dispute|do not agree|dont agree|do not accept|dont accept|contest|challenge|reject)',
        '(recalculate|recalculated|recalculation|re calculate|re calculated|re evaluate|reevaluate|re evaluated|redo the math|reconsider the amount|check the math|double check the math)',
        'how (did|do) (you|they|your adjuster|the adjuster) (arrive at|get to|get|come up with|calculate|figure|land on|decide on) #',
        '(how|why) (on earth)? (did|do|would) (you|they|your adjuster|the adjuster) (arrive at|get to|come up with|calculate|land on) (that|this|the) (number|figure|amount|payout|offer)',
      ],
      requires: [
        { scope: 'message', anyOf: ['#'] },
        {
          scope: 'message',
          anyOf: [
            '(cap|credit|offer|offering|offered|payout|cash|limit|buyout|settlement|adjuster|applied|covered|coverage|plan|claim|in lieu|arrive)',
          ],
        },
      ],
      guards: [
        { scope: 'message', anyOf: ['(replacement|model|brand|unit offered)'] },
        { scope: 'message', anyOf: ['(charge|charged|bank|card|billing|subscription|refund)'] },
        {
          scope: 'message',
          anyOf: [
            '(disagree|dispute|disputing) (with)? (this|the|that|your|their)? (denial|decision to deny|exclusion)',
          ],
        },
      ],
    },
    {
      id: 'disagrees-with-amount',
      guards: [{ scope: 'sentence', anyOf: ['(thanks|thank you|appreciate it|appreciated|late fee|late fees)'] }],
      patterns: [
        '(the cash|that cash|claim credit|credit|credit amount|cap|cap amount|coverage cap|coverage limit|limit|payout|pay out|cash out|cashout|cash offer|cash option|cash in lieu|credit offer|buyout|reimbursement|settlement|offer|amount offered|what you offered|they offered) _{0,8} (wont buy|will not buy|cant buy|can not buy|wont even buy|wont pay for|will not pay for|unreasonable|absurd|outrageous|inadequate|insufficient|doesnt come close|does not come close|nowhere close|not even close|so low|this low|that low|very low|should be higher|should be more|needs to be higher|too little|too small|wont even cover|will not even cover|not even cover|wont cover|will not cover|way below|far below|well below|below what|less than what|not even half|half of what|too low|not enough|isnt enough|is not enough|wont cover|will not cover|doesnt cover|does not cover|barely covers|barely cover|doesnt even cover|does not even cover|unfair|not fair|ridiculous|insulting|a joke|laughable|lowball|low ball|way too low|way less|nowhere near|unacceptable|not acceptable|wrong)',
        '(not okay|not ok|not fine|not satisfied|dissatisfied|do not accept|dont accept|not accept|cannot accept|disagree|disagrees|disagreeing|dispute|disputing|disputes|contest|contesting|challenge|challenging|appeal|appealing|dont agree|do not agree|not agree|reject|rejecting|refuse|refusing|wont accept|will not accept|not accepting|cant accept|can not accept|not happy|unhappy|upset) _{0,4} (with|about)? (the|my|this|your|that|a)? _{0,2} (claim credit|credit amount|credit|cap|cap amount|coverage cap|coverage limit|payout|cash out|cash offer|buyout|reimbursement amount|reimbursement|settlement|offer|amount)',
        '(only|just) (offering|offered|offer|giving|gave|approved|approving|covering|covered|pay|paying|paid|willing to pay|want to give|going to give|crediting|credited|reimbursing|reimbursed|refunding|allowing|allowed) _{0,2} (me|us)? _{0,2} (#|a fraction)',
        '(lowball|lowballed|lowballing|low balled|low balling)',
        '(capped|limited|cut|reduced|lowered) (at|to) # _{0,8} (up to|says|states|covers|promised|allows) #?',
        '(not|dont|do not|no|am not) agree (with|on) (the|my|your|this)? (limit|cap|credit|amount|payout|offer|price|value)',
        '(no estoy de acuerdo|no acepto|no es justo|disputo|no estamos de acuerdo) (con)? (el|la|los)? (limite|tope|credito|monto|cantidad|pago|oferta|cobertura)',
        '# (for|toward|towards) (a|the|my|our)? _{0,3} (replacement|repair|unit|system|furnace|fridge|ac|roof|water heater) (is|was)? (a joke|insulting|ridiculous|laughable|an insult|not enough|too low|nothing)',
      ],
    },
  ],
};

export const replacementDispute: TTriggerDefinitionInput = {
  code: 'REPLACEMENT_DISPUTE',
  detectorId: 'text.replacement-dispute',
  description: 'Disagrees with the replacement offered: brand, color, size, functions (CIN-1).',
  cues: [
    {
      id: 'refuses-replacement',
      patterns: [
        '(wont|will not|not going to|refuse to|do not|dont|cannot|can not) (take|accept) (it|that|this|them|that one|this one)',
        '(not|never|am not|are not) (accept|take|accepting|taking|keeping|settling for) (it|that|this|them|that one|this one)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(replacement|substitute|reemplazo) (unit|model|offered|you|they|is|was|washer|dryer|fridge|refrigerator|range|oven|dishwasher|microwave|furnace|ac|tv|one|the|a)',
            '(model offered|unit offered)',
          ],
        },
      ],
    },
    {
      id: 'refuses-offered-swap',
      patterns: ['(no way|not acceptable|unacceptable|not okay|not ok|absolutely not|hell no|no thanks|no thank you)'],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(offering|offered|offer|sending|sent|giving|gave) _{0,6} (to replace|as a replacement|as the replacement|replacement|instead of|when i had|when we had|but i had|but we had)',
          ],
        },
      ],
    },
    {
      id: 'refuses-appliance',
      patterns: [
        '(want|need) (a|an|the) _{0,2} (like|same as) (the one|mine|my old one|what i had|the old one)',
        '(no quiero|no acepto|no acepta|no aceptan|rechaza|rechazo|no voy a aceptar) (ese|este|el|la|esa|esta) _{0,2} (de reemplazo|reemplazo|refrigerador|lavadora|secadora|estufa|horno|unidad|modelo)',
        '(do not|dont|not|never) (want|accept|accepting|taking|take) (that|this|the|your) (microwave|fridge|refrigerator|freezer|washer|dryer|range|oven|stove|dishwasher|water heater|furnace|ac|unit|model|one|tv)',
        '(wants|want|wanted|requesting|asking for|prefers|prefer) (a|an|the)? _{0,3} (like|same as|matching|to match) (the|my|our|his|her)? (existing|old|original|current|previous) (unit|model|one|appliance|system)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(mine was|my old one|i had|we had|offered|offering|replacement|instead|original|existing|countertop|model|el mio|la mia|otra marca|mas pequeno|reemplazo)',
          ],
        },
      ],
    },
    {
      id: 'not-like-for-like',
      negatable: false,
      patterns: [
        '(not|isnt|is not|wasnt|was not|hardly) (a|an)? (like for like|comparable|equivalent|fair|equal) (replacement|swap|substitute|unit|model|trade|exchange)',
        '(not|isnt|is not|wasnt|was not) (a|an)? (like for like|apples to apples) $',
      ],
    },
    {
      id: 'smaller-substitute',
      patterns: [
        '(you are|you re|they are|they re|cinch is|you want to be|you want to|you plan to) (replacing|replace|swapping|swap|substituting|substitute|giving me|sending me) _{0,6} (with|for) (a|an|some)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: ['(never|not|wont|smaller|cheaper|less|too|downgrade|instead|half|no|nope|white|black|different)'],
        },
      ],
    },
    {
      id: 'offer-against-original',
      patterns: [
        '(ours was|ours is|ours had|mine had|my old one had|what i had|what we had|mine was|mine is|my old one was|the original was|i had a|we had a|i had an|we had an)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: ['(your offer|you offered|offered|offering|replacement|the one you|they offered|substitute)'],
        },
        {
          scope: 'message',
          anyOf: [
            '(white|black|stainless|bisque|cu ft|cubic|french door|top freezer|bottom freezer|side by side|dispenser|ice maker|front load|top load|steam|gas|electric|ton|btu|smaller|larger|bigger|capacity)',
          ],
        },
      ],
      guards: [
        {
          scope: 'message',
          anyOf: ['(replacement|new one|new unit) (is|was) (great|fine|perfect|good|better|an upgrade)'],
        },
      ],
    },
    {
      id: 'disagrees-with-replacement',
      patterns: [
        '(basic model|basic unit|entry level|builder grade|lower end|low end|lesser|lower model|lower grade|bottom of the line|base model|cheaper model|cheaper brand) (model|unit|brand|one|replacement)?',
        '(repl|replacment|replacement|replacement unit|replacement model|new unit|unit offered|model offered|unit you offered|model you offered|the one you offered|what you offered|replacement you offered|replacement they offered|unit they picked|model they picked|substitute|reemplazo) _{0,12} (not the same|isnt the same|different brand|different color|different size|cheaper|cheap|lower quality|downgrade|doesnt match|does not match|wont match|will not match|wrong color|wrong size|wrong brand|smaller|not comparable|inferior|worse|off brand|generic|missing|doesnt have|does not have|lacks|half the capacity|less capacity|smaller capacity|lower capacity|half the size|wont fit|will not fit|doesnt fit|does not fit|too wide|too big|too small|too tall|too short|not acceptable|unacceptable|no ice maker|no water dispenser|fewer features|less features|not like for like|not equivalent|not what i had|not even close|junk|garbage|trash|crap|terrible|awful|half the|less wattage|lower wattage|less power|less capacity|fewer btu|less btu|lower btu|smaller tonnage|less tonnage)',
        '(not|refusing|dont|do not|does not|doesnt|did not|didnt|wont|will not|refuse to|not going to|cant|can not) (want|accept|accepting|take|taking|settle for) _{0,3} (the|this|that|a|your|their)? _{0,2} (replacement|model|unit|brand|downgrade|substitute|cheaper one|lesser)',
        '(refuse|reject|decline) (that|this|the|your) (replacement|unit|model|offer|fridge|washer|dryer)',
        '(offered|replacement) (washer|dryer|fridge|refrigerator|range|oven|dishwasher|microwave|unit|model) _{0,6} (does not fit|doesnt fit|wont fit|will not fit|half the capacity|smaller|too small|too big)',
        '(model|unit|replacement|one) (offered|they offered|you offered) (is|was) (a|an)? (lower|cheaper|lesser|lower tier|budget|basic|entry level|lower end)',
        '(refuse to|refusing to|wont|will not|not going to|do not|dont|not) (take|accept|accepting|taking|want|settle for) (a|an|the|this|that)? (smaller|cheaper|lesser|lower end|used|refurbished|older|different|off brand|generic|white|black|stainless) _{0,1} (color|colour|size|finish|fridge|refrigerator|freezer|washer|dryer|unit|model|one|oven|range|stove|cooktop|microwave|dishwasher|water heater|tv|machine|appliance|furnace|ac|brand|replacement)',
        '(do not|dont|wont|will not|not|refuse to|refusing to|not going to) (want|accept|accepting|take|taking) (a|an)? (frigidaire|samsung|lg|whirlpool|ge|kenmore|maytag|bosch|kitchenaid|carrier|trane|lennox|rheem|goodman|amana|insignia|haier|hotpoint|amana|off brand|generic)',
        '(disagree|disagrees|disagreed|disagreeing|disputes|disputing|not happy|unhappy|upset|objects|objecting) (w|with|about|to) (the)? (offered)? (replacement|repl|model|unit|brand) (offered|they offered|proposed|selected|picked)?',
        '(not|isnt|is not|wasnt|was not|arent|are not) (even)? (the same|as big|as large|comparable|equivalent) (capacity|size|brand|model|color|colour|quality|features|functions|function|type|style|finish) (at all)?',
        '(basic|cheap|cheaper|cheapo|entry level|lower end|low end) (whirlpool|frigidaire|samsung|lg|ge|kenmore|maytag|insignia|haier|hotpoint|amana|goodman|brand|model|unit|one)',
        '(rejected|refused|declined|rejects|refuses|declines|rejecting|refusing|declining) (the)? (repl|repl offered|replacment|replacement|replacement offer|offered replacement|unit offered|model offered|replacement unit)',
        '(want|wants|wanted|need|needs|requesting|requests|demand|demands|expect|deserve|should get|should be|asked for) _{0,3} (a|the)? (same|like for like|matching|comparable|equivalent|equal) (brand|model|color|colour|unit|features|size|replacement|quality|one)?',
        '(like for like|downgrade|downgraded|lesser model|cheaper model|off brand|knock off)',
        '(fridge|refrigerator|freezer|washer|dryer|range|oven|stove|dishwasher|microwave|water heater|furnace|ac|unit|model|one) (you|they) (picked|chose|offered|offer|offering|selected|sent) (for me|me)? (does not|do not|dont|doesnt|has no|have no|lacks|is missing) (even)? (have)?',
        '(the one|the unit|the model|the fridge|the washer|the dryer|the replacement|the new one|yours) (you|they|cinch) (are|were)? (picked|chose|offered|offering|sent|sending|selected|proposed|proposing) (has|have|is|does|lacks|doesnt have|does not have) (neither|none|no|not|nothing|only|none of)',
        '(replacement|replacement unit|replacement model|new unit|new one|unit|model|one|washer|dryer|fridge|refrigerator|freezer|range|oven|stove|dishwasher|microwave|water heater|furnace|ac|tv) _{0,1} (you|they|cinch|the warranty company) (are|were)? (picked|chose|offered|offering|sent|sending|are sending|want to send|selected|proposing|proposed) (is|was|comes in) (a|an)? _{0,2} (white|black|stainless|bisque|slate|gray|grey|silver|almond|smaller|bigger|larger|narrower|wider|shorter|taller|top load|front load|gas|electric|different|cheaper|basic)',
        '(replacement|replacement unit|replacement model|new unit|unit you offered|model you offered|one you offered|one they offered|unit they offered) _{0,1} (is|was|would be|they are sending|you are sending|you picked|they picked) (a|an)? _{0,3} (loader|loaders|washer|dryer|fridge|refrigerator|freezer|oven|range|stove|cooktop|microwave|dishwasher|water heater|tv|unit|model|machine|furnace|ac|one|brand|color|colour|size|version|finish) (but|while|when|and)? (i|we|mine|ours|my old one|the old one|the original) (had|has|have|was|owned|paid for|bought|originally had|is)',
      ],
    },
  ],
};

export const coverageDenial: TTriggerDefinitionInput = {
  code: 'COVERAGE_DENIAL',
  detectorId: 'text.coverage-denial',
  description: 'The item or the failure is not covered; the claim was denied (CIN-1).',
  blockedInQuestions: true,
  guards: [thirdPartyStory],
  cues: [
    {
      id: 'why-denied',
      blockedInQuestions: false,
      negatable: false,
      patterns: [
        '(why|how come) (did|would|do|does|have) (you|they|cinch|you guys|the adjuster|your adjuster) (reject|deny|decline|refuse) (my|the|our|this)? _{0,3} (claim|coverage|repair|request)?',
        '(why|how come) (will not|wont|do not|dont|did not|didnt|would not|wouldnt) (you|they|cinch|you guys|the plan|my plan|the warranty) (pay for|cover|fix|replace)',
      ],
    },
    {
      id: 'not-covered',
      patterns: [
        '(not|never|no longer|isnt|wasnt|arent|no esta) _{0,3} (covered|cubierto|cubierta)',
        '(is|are|was|were) not cover',
        '(negaron|rechazaron|denegaron|niegan|rechazan) (la|el|mi)? (cobertura|reclamo|reclamacion)',
        '(no esta|no estan) (incluido|incluida|incluidos|incluidas|cubierto|cubierta) (en)? (mi|el|su)? (plan|contrato|poliza)?',
        '^ (claim)? (denied|rejected|declined) (again)? $',
        'no (me|nos|le)? (cubren|cubre|cubrieron|cubrio|van a cubrir|quieren cubrir)',
        '(claim|coverage|repair|request|service request|reclamo) _{0,5} (was|got|has been|been|is|were)? (denied|rejected|declined|refused|turned down|shot down|negado|rechazado)',
        '(denied|denying|deny|denies|rejected|rejecting|declined|declining|refused|refusing|negaron|rechazaron) _{0,3} (my|the|our|this)? (claim|coverage|repair|request)',
        '(denial|rejection) of (the|my|our|this|his|her)? _{0,3} (claim|coverage|repair|request)',
        '(falls|fall|is|are) outside (of)? (my|the|our|your) (contract|plan|coverage|policy|warranty)',
        '(plan|warranty|policy|contract) (will not|wont|does not|doesnt) (cover|pay for)',
        '(coverage denial|claim denial|denial of coverage|denial letter|excludes|exclude|not included|isnt included|is not included|exclusion|excluded|exclusions|pre existing|preexisting|not a covered|non covered|noncovered|uncovered)',
        '(you|they|cinch|you guys|the warranty|my warranty|the plan|my plan) _{0,2} (wont|will not|refuse to|refused to|wouldnt|would not|does not|doesnt|do not|dont) (cover|pay for|pay|fix|repair|replace)',
        '(you|they|cinch|you guys|the adjuster|your adjuster|claims) (denied|rejected|declined|refused) (my|the|our|this|a)? _{0,3} (as|because|due to|for|citing|saying|claiming|on the grounds|over)',
        '(is not|isnt|not|are not|arent|was not|wasnt) (on|in|part of|included in|under|listed on|listed in) (my|the|our|your) (plan|contract|policy|coverage|warranty|agreement)',
      ],
      negatable: false,
      guards: [
        {
          scope: 'overlap',
          anyOf: [
            'not (sure|certain|clear|know) (if|whether)? _{0,3} (covered)',
            'not _{0,2} covered (in|by) (the)? (manual|faq|video|article)',
            '(was not|wasnt|is not|isnt|has not been|hasnt been|not|never) (denied|rejected|declined|refused)',
            '(if|unless|until) (you|they|cinch|you guys|the warranty|my warranty|the plan|my plan) _{0,2} (wont|will not|dont|do not|doesnt|does not)',
            '(if|unless|should|in case) (you|they|cinch|you guys|the adjuster|your adjuster) _{0,2} (deny|denies|reject|rejects|decline|declines|refuse|refuses)',
          ],
        },
        { scope: 'message', anyOf: ['(is|was) (that|this) (right|true|correct|accurate)'] },
        {
          scope: 'sentence',
          anyOf: ['(fair enough|makes sense|i understand|understood|no problem|that is fine|thats fine)'],
        },
        {
          scope: 'message',
          anyOf: [
            '(can|could|may|how do|how can) (i|we) (add|include|buy|purchase|get) (it|that|this|coverage|an add on)',
          ],
        },
      ],
    },
  ],
};

export const unauthorizedWork: TTriggerDefinitionInput = {
  code: 'UNAUTHORIZED_WORK',
  detectorId: 'text.unauthorized-work',
  description: 'The customer had the work done before calling in for service (CIN-1).',
  cues: [
    {
      id: 'work-before-claim',
      patterns: [
        '(before|prior to|without) (calling|contacting|filing|opening|submitting|placing|starting|getting|waiting for|asking|telling|notifying|checking with|going through) _{0,4} (in|us|it in|you|cinch|a claim|claim|the claim|service request|a service request|approval|authorization|the warranty|my warranty|warranty|home warranty)',
        '(already|went ahead and|just|had to) _{0,2} (@hire-verb|fixed|repaired|replaced|installed) _{0,3} (@own-choice|own|another|a different|a)? _{0,2} (@tradesperson|someone)',
        '(reimburse|reimbursed|reimbursement|pay me back|pay us back|refund me|cover the cost|cover the bill|pay for the) _{0,6} (plumber|electrician|contractor|handyman|hvac|repairman|invoice|bill|receipt|repair (i|we)|repairs (i|we)|work (i|we)|someone (i|we))',
        '(paid|paying|pay) (out of pocket|out of my pocket|myself|ourselves)',
        '(already|went ahead and) (had|got) (the|my|our|it) _{0,3} (replaced|repaired|fixed|installed|serviced|done)',
        '(had|got) (the|my|our)? _{0,3} (replaced|repaired|fixed|installed|serviced) by _{0,3} (tech|neighbor|neighbour|company|plumber|electrician|contractor|hvac|guy|tech|someone|handyman|repairman)',
        '(i|we) @hire-verb (a|an|my own|our own|some|another|my)? _{0,2} (@tradesperson|someone) _{0,6} (to)? (fix|repair|replace|install|look at)',
        '(before|prior to) (i|we) (even|ever|had|actually)? (call|contact|file|called|contacted|filed|opened|submitted|placed|started|reached out|got in touch)',
        '(before|prior to) (calling|contacting|filing|calling in)',
        '(before|prior to) (opening|filing|submitting|placing|creating) (a|an|the|my)? (sr|claim|ticket|case|request|service request|job|service call)',
        '@hire-verb (already)? (a|an|my|our|@own-choice)? @tradesperson @by-oneself',
        '(call|hire|use|get|@hire-verb) @own-choice @tradesperson',
        '(did not|didnt|never) (call|contact|check) (first|beforehand|ahead of time|in advance)',
        '(fixed|repaired|replaced|had it fixed|got it fixed) (it)? (first) _{0,2} (called|rang|contacted|phoned) (you|yall|you guys|you all|cinch)? (second|after|afterwards|later)',
        '(supposed|meant|had|needed) to (call|contact|file|check with) (you|cinch|in|you guys|the warranty)? (first|before|beforehand)',
        '(my|our) (own)? @tradesperson (already)? (replaced|fixed|repaired|installed|swapped)',
        '(just now|only now|now) (filing|opening|calling|submitting)',
        '(paid|hired) (a|an|my|our)? @tradesperson (to) (swap|fix|repair|replace|install|look at|come)',
        '(fixed|repaired|replaced|installed) _{0,4} (myself|ourselves|himself|herself|themselves|on my own|on our own|on his own|on her own)',
        '(had to get|had to have|got|get|went and got) (the|my|our|it) _{0,2} (fixed|repaired|replaced|serviced|done) _{0,4} by (a|an|the|some|my|our|another)? _{0,2} (company|plumber|electrician|contractor|hvac|guy|tech|technician|someone|handyman|repairman|service)',
        '(did not|didnt|never|could not|couldnt) (call|contact|notify|check with|tell) (you|cinch|in|us|the warranty|you guys) (first|beforehand|before|ahead of time|in advance)',
        '(already|had already|has already|have already) been (replaced|repaired|fixed|installed|serviced) (by the time|before)',
        '(then|only then|afterwards|after that|and then) (we|i|she|he|they) (filed|called|opened|submitted|contacted|reported|called in)',
        '@hire-verb (a|an|some|my|our)? (local|outside|independent|private|third party|emergency|random)? @tradesperson (and|who) (he|she|they)? (fixed|repaired|replaced|installed|did)',
        '(now|so now) (i am|we are|i m|im) (filing|opening|submitting|putting in) (the|a)? (claim|request)',
        '(contrato|contrataron|contrate|contratamos|pague|pagamos|llame|llamamos) (a)? (un|una|mi|nuestro)? @tradesperson',
        'antes de (llamarnos|llamarles|llamar|reportar|abrir|presentar|avisarles)',
        '(called|got|had|brought) (a|an|some|our|my|his|her|their) (own)? @tradesperson (out|come out|over|in|come over)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(without contacting|credit|requesting credit|paid back|get paid|pay back|pay us back|antes|reembolsar|reembolso|reembolsen|before|prior|reimburse|reimbursement|reimbursed|money back|refund|pay me back|pay for|cover|covered|claim|invoice|receipt|without calling|did not call|didnt call|opening|filing)',
          ],
        },
        {
          scope: 'message',
          anyOf: [
            '(electricista|plomero|tecnico|contratista|contrate|fixed|fix|repaired|repair|replaced|installed|hired|paid|plumber|electrician|contractor|handyman|repairman|hvac|myself|ourselves|company|guy|tech|technician|work|done|someone)',
          ],
        },
      ],
    },
  ],
};
