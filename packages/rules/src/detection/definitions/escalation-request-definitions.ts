import type { TTriggerDefinitionInput } from '../definition-schema.js';
import { agentPolicyQuote, policyStatement, resolvedPastEvent } from './shared-vocabulary.js';

/** Role words safe to read as a request when they stand alone ("Manager. Now."); not "sup" or "boss". */

export const supervisorRequest: TTriggerDefinitionInput = {
  code: 'SUPERVISOR_REQUEST',
  detectorId: 'text.supervisor-request',
  description: 'The customer asks for a supervisor, manager or equivalent (TON-1, CIN-1).',
  suppressedBy: ['REPEAT_ESCALATION'],
  guards: [
    policyStatement,
    resolvedPastEvent,
    {
      scope: 'sentence',
      anyOf: [
        '(thanks|thank you|thx) (so much)? (for)? (escalating|the escalation|getting me|transferring|connecting)',
        '(handled|helped|resolved|took care of) _{0,4} (beautifully|wonderfully|perfectly|great|so well|really well)',
        '(just want to say|wanted to say|kudos|shout out|shoutout|compliment|compliments)',
        '(if you would like|if you d like|if you like|if you want|would you like) _{0,2} (i|we) (can|could|will)',
        '(pass|passing|send|forward) (that|this|it|my thanks|the compliment|my compliments|along) (along|on)? (to)',
        '(told|informed|advised|assured) (him|her|them|cx|mbr|caller|the caller|the member|the customer) (that)? (a|the|my|our)? (sup|supervisor|manager|mgr|lead) (will|would|is going to|can)',
      ],
    },
    {
      scope: 'sentence',
      anyOf: ['declined (after|once|when)', 'no longer (wants|needs|needed|required)', '(no thanks|no thank you)'],
    },
    {
      scope: 'overlap',
      anyOf: [
        'tl dr',
        'manage (his|her|my|the|their|our|your|an|a)',
        '(property|password|store|apartment|building|hiring|project|office|branch|warehouse|site|facility|product|account|case|community|social media|marketing|restaurant|bank|general|district|regional|leasing|hotel|construction) (~manager|managers|mgr)',
        '(my|his|her|our) (boss|superior|jefe|jefa) (is|was|said|says|told|wants|wanted|needs|needed|called|asked|will|would|at|gave|approved|let|lets|thinks|and|expects|yelled)',
        '(for|from|by) (my|his|her|our) (boss|superior|jefe|jefa)',
        '(check|checking|consult|consulting|run it by|run this by|ask|asking) (with)? (my|his|her) (~manager|~supervisor|boss)',
        '(~supervisor|~manager|mgr|sup) (told|said|promised|approved|denied|called|was|is|has|had|already|did|never|didnt|couldnt|hung)',
        '(notify|notifying|notified|alerting|alerted|informing|informed|cc|cced|looping in|looped in|flagging|flagged|messaging|messaged|slacking|slacked|emailing|emailed|paging|paged) (the|my|our|a)? (~manager|~supervisor|lead|sup|tl|team lead)',
      ],
    },
    {
      scope: 'sentence',
      anyOf: [
        '(if|unless|should|otherwise|when|once|next time|in case) _{0,14} (will|would|gonna|going to|might|may) (probably|likely|definitely|just|then|def|prob)? (be|end up|wind up)? (want|need|ask|asking|request|requesting|demand|demanding|escalate|escalating|call|calling)',
        '(will|would|gonna|going to|might|may) (probably|likely|definitely|just|then)? (want|need|ask|request|demand|be asking) _{0,6} (if|unless|when|in case|next time)',
      ],
    },
    {
      scope: 'before',
      anyOf: [
        '(offered|offer|offering|suggested|suggest) _{0,2}',
        '(would you like|do you want|want me to|shall i|should i|if you d like|if you would like|if you like|if you want) _{0,3}',
        'per policy',
        'do (we|i) (need|have) to',
        '(would|will|does|do) (i|we) (need|have) to',
        '(if i ever|if we ever|in case i ever|should i ever) _{0,6}',
        '(would|will|could) (i|we) (be able to|get to)',
      ],
    },
  ],
  cues: [
    {
      id: 'asks-for-supervisor',
      patterns: [
        '(@ask-verb) _{0,4} (@supervisor-title)',
        '(@supervisor-title) (please|pls|plz|now|asap|immediately|right now|right away|por favor|callback|call back|cb|request|requested|req|needed|transfer|on the line|to call me)',
        '^ (to)? (a|an|your|the|ur)? (@supervisor-fragment) (please|pls|plz|now|asap|immediately|today|por favor)? $',
        '^ (a|an|your|the|ur)? (@supervisor-fragment) (or|a|an|your)? (@supervisor-title)',
        '(talk|speak|go|going|gone|goes|escalate|escalated|escalating) (to)? (above|over) (you|your head|u|ur head)',
        '(complaint|complain|complaining) (with|to) (your|a|the|ur) (~supervisor|~manager|mgr|supervisors|managers|boss|superiors)',
        '^ (please|pls)? escalate (me|this|my case|it|my complaint) (please|pls|now|asap|immediately)? $',
        '(reviewed|looked at|handled|approved|checked|escalated) by (a|the|your|ur) (~supervisor|~manager|mgr|sup|team lead|supervisors|managers)',
        '(who is|whos|who s|where is|wheres) (your|ur|the) (~supervisor|~manager|mgr|boss|supervisora|gerente|person in charge|one in charge|head of support|head of customer service)',
        '(is|are) (your|ur|a|the|any) (~supervisor|~manager|mgr|sup|supervisors|managers|team lead|boss) (available|around|in|there|free|on)',
        '(your|a|the) (~supervisor|~manager|mgr|sup|team lead|lead|boss|superior) (needs to|should|must|has to|can|could|would|to|please|kindly|to please)? (call|contact|reach out to|email|phone|get back to|get in touch with) (me|us)',
        '(can|could|would|will|may|have|get) (a|the|your|ur|some) (~supervisor|~manager|mgr|sup|team lead|supervisora|gerente) (give me a call|give us a call|ring|phone|follow up|reach me|get in touch|call|contact|help|look|review|approve|waive|get back|reach out|speak|talk|handle|take|be able|override|authorize|email)',
        '(someone|somebody|the person|a person|anyone|anybody) (who|that) (can|could) (actually)? (make decisions|make a decision|approve|authorize|override|make exceptions|make an exception)',
        '(alguien|una persona|persona) (que tenga|con) (mas)? (autoridad|poder)',
        '(someone|somebody|anyone|anybody|a person|the person) (who|that) (actually)? (has|have) (the|some|real|actual|more)? (authority|power|decision making power|the power to)',
        '(someone|somebody|anyone|anybody) (above you|higher up|higher than you|over you|with more authority|with authority|with real authority|with the authority|with some authority|with actual authority|with decision making power|in charge|who can actually)',
        '(escalate|escalating|escalated) (this|it|me|my case|the case|my complaint)? (up|higher|further|up the chain)',
        '(up the chain|chain of command)',
        '(put|get|bring|want|need|wants|needs|escalate|take) (this|it|my case|the case|my complaint|me)? (in front of|before) (a|an|the|your|ur|some)? (@supervisor-title)',
        '(whoever|whomever|the person|someone|somebody) (you|u) (answer|report|respond) to',
        '(who|whom) (do|does) (you|u) (report|answer) to',
        '(whoever|whomever|the person who|someone who|the one who) (signs off|sign off|approves|makes the decisions|makes decisions|calls the shots|has the final say|has the authority)',
        '(a word|a chat|words) with (whoever|your|the|a) (manager|supervisor|boss|person in charge|someone in charge|superior|gaffer)',
        '(is there|is there a|is your|any) (shift lead|team lead|lead|duty manager|floor manager|someone senior|anyone senior|a manager|a supervisor) (on|in|around|about|available|working) (tonight|today|now)?',
        '(whoever|whomever|the person who|someone who) (supervises|manages|oversees|is over) (the|your)? (supervisors|managers|sups|leads)',
        '(whoever|someone|somebody|the person|anyone) (is)? (above|over) (the person|the rep|the agent|the one|the people|the guy|the lady|the reps|the agents)',
        '(whoever|whomever|the person who|someone who|somebody who|the one who|who) (runs|manages|oversees|is in charge of|heads|leads|supervises|is over) (your|the|this|that) (support|team|department|dept|floor|support floor|call center|office|operation|customer service|service desk|desk|center|shift)',
      ],
    },
  ],
};

export const executiveRequest: TTriggerDefinitionInput = {
  code: 'EXECUTIVE_REQUEST',
  detectorId: 'text.executive-request',
  description: 'Asks for the CEO, the president, an executive, or an executive callback (CIN-2, CIN-8).',
  guards: [
    agentPolicyQuote,
    { scope: 'sentence', anyOf: ['(school|class|homework) (report|project|assignment|paper)'] },
    {
      scope: 'overlap',
      anyOf: [
        '(account|sales|marketing) (executive|executives|exec)',
        'executive (summary|order|chef|suite|producer|function|dysfunction|decision)',
        '(presidents|president s) day',
        '(class|club|hoa|pta|union|student|board) president',
      ],
    },
  ],
  cues: [
    {
      id: 'asks-for-executive',
      patterns: [
        '(forward|forwarding|pass|passing|next step is|next stop is|next is|speak|talk|speaking|talking|connect|transfer|put|get|give|escalate|escalating|escalated|send|sending|bring|reach|reaching|contact|contacting|email|emailing|emailed|write|writing|letter|call|calling|callback|call back|want|wants|wanted|need|needs|demand|demands|demanding|demanded|request|requests|requesting|requested|req|reqs|ask|asks|asking|asked|insist|insisting|like|wanna|hablar|quiero) _{0,6} (ceo|c e o|ceos|president|vice president|vp|executive|executives|exec|execs|chief executive|director ejecutivo|directora ejecutiva|top brass|top dog|big cheese|head honcho himself|the boss of the whole outfit|boss of the whole|senior leadership member|senior leadership|head of the company|head of (your|the|this) (company|business|organization|corporation|firm|whole company)|owner of (your|the|this) (company|business)|highest ranking person|highest ranking|highest level person|person at the very top|very top|top of the company|executive team|executive office|corporate executive|cfo|coo|founder|founders|chairman|board of directors|owner of the company|company owner|presidente|director general)',
        '(or|better yet|even better|or even) (the|your)? (ceo|president|chief executive|owner|founder|vp|executive)',
        '(whoever|whomever|the person who|someone who) (sits|is) (at)? (the)? (very)? top (of)?',
        '(name|number|direct line|email|contact|address|phone) (and|or)? _{0,3} (of|for) (your|the) (company)? (ceo|president|chief executive|founder|owner|chairman)',
        '(ceo|president|executive|exec|executives|vp) (callback|call back|call|escalation|team|office|level|please|now|asap|to call me|needs to call)',
        'executive (escalation|escalations|callback|call back|team|office|customer relations|complaint)',
        '(ceo|president|executive|executives|owner|founder) (needs to|should|must|will|is going to|has to|ought to) (know|hear|see|be told|call|contact)',
        '(have|get|tell) (the|your|ur) (ceo|president|owner|owner of the company|company owner|founder|vp|executive|executives) (to)? (call|contact|email|reach out|get back|phone)',
        '(who is|whos|where is|wheres|name of|contact for|contact info for|contact information for|email for|email address for|email address of|number for|phone number for|address for) (your|ur|the) (ceo|president|owner|founder|vp|vice president|executive|executives|chief executive|owner of (the|this|your) company|head of (the|this|your) (company|business|organization|corporation))',
      ],
    },
  ],
};

export const repeatEscalation: TTriggerDefinitionInput = {
  code: 'REPEAT_ESCALATION',
  detectorId: 'text.repeat-escalation',
  description: 'Already spoke to a supervisor and now wants someone above that level (CIN-2).',
  guards: [agentPolicyQuote],
  cues: [
    {
      id: 'wants-above-supervisor',
      patterns: [
        '(someone|somebody|anyone|anybody|person|people) (higher|above|over|more senior|senior to) _{0,3}',
        '(their|his|her|the supervisor s|the supervisors|the manager s|the managers|your manager s|your supervisor s|supervisors|managers|next) (boss|manager|supervisor|superior|supervisors|managers|level|level up|higher up)',
        '(above|beyond|over|past) (the level above the supervisors|the supervisors|supervisors|the managers|managers|sups|the sups|tl|the tl|team lead|lead|them|him|her|that|that person|your team lead|the team lead|your lead|the lead|the supervisor|the manager|your supervisor|your manager|a supervisor|supervisor|manager|sup|mgr|tier 1|t1)',
        '(go|going|escalate|escalated|escalating|take this|take it|move this|bump this|bump it) (higher|further|up|over their head|over her head|over his head|up the chain|to the next level|above)',
        '(escalate|escalated|escalating|take|taking|bump|bumping|move|moving|push|pushing|kick|send|sending) (this|it|me|my case|the case|my complaint|the complaint|things|my ticket|the ticket) (higher|further|up the chain|over (their|his|her) head|to the next level)',
        '(want|wants|wanted|need|needs|demand|demands|demanding|demanded|asking for|asked for|asks for|req|requesting|requested|insists on|insisting on) (someone|somebody|to go|to speak to someone|to talk to someone)? (higher|higher up|above (them|him|her|that))',
        '(next|higher|upper|top) (level|management|tier)',
        '(~supervisor|~manager|mgr|sup|supervisors|managers|mgrs|sups|team lead) (boss|superior|superiors|supervisor|manager)',
        '(next|higher) (person|one|rung) (up|above|in line)?',
        '(take|taking|bring|send|escalate) (it|this|my case|this case)? (to|all the way to) the top',
        '(escribio|escribi|escribimos|contacto|contacte) (al|a la) (director ejecutivo|directora ejecutiva|presidente|presidenta|ceo)',
        '(el|la|su|al) (director|directora|gerente general|jefe del supervisor|jefe del gerente|presidente|presidenta|dueno|duena|director general)',
        '(your|the|a|their) (director|regional director|district manager|regional|department head|head of customer service|head of support|regional manager|general manager|customer service director)',
        'person (above|over) (them|him|her|that)',
        '(alguien|persona|otra persona) _{0,2} (mas alto|superior|mas arriba|mayor rango|de arriba|por encima)',
        '(mas alto|superior|mayor) (nivel|rango)',
        '(whoever|whomever|someone|anyone|the person) (is)? (above|over|higher than) (them|him|her|that|those)',
        '(someone|somebody|anyone|a person) (more up|higher up|more high|more higher|more senior|more important) (than) (her|him|them|that|that one|this one)',
        '(whoever|whomever|who|the person|someone|somebody) (do|does)? (they|he|she|the supervisor|the manager|your supervisor|your manager|supervisors|managers|the supervisors|the managers|your supervisors|your managers) (report|reports|answer|answers) (to)?',
        '(up the chain|chain of command|corporate|corporate office|tier 2|t2|tier two|executive|exec|execs|vp|vice president|ceo|president|upper management|senior management|leadership)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(hablo|hablaron|speaking|talking|hable|hablado|hablamos|spoke|spoken|talked|been|went|gone|dealt|had|got|already|was|were|escalated|escalation|transferred|transfered|xferred|xfered|passed|bumped|sent) (already|twice|once|two times|multiple times|several times)? (to|with|w|through|thru|con)? (dos|tres|t1|tier 1|tier one|a t1|the t1|el|la|un|una|su|sus|al|a la|a su|mi|a|the|your|ur|2|two|3|three|multiple|several|one)? (floor|shift|senior|duty|escalation|escalations|another|a second)? (management|mgmt|gerentes|supervisores|supervisor|supervisora|gerente|jefe|jefa|lead|leads|~supervisor|supervisors|~manager|managers|mgr|mgrs|sup|sups|supe|team lead|tl)',
            '(escalated|escalation) (to) (t2|tier 2|tier two|escalations) (after|already|before|but|and)',
            '(two|2|three|3|several|multiple) (supervisors|managers|sups|mgrs|supervisor calls|manager calls) (so far|already|now|and|later|today|this week)',
            '(then|and then) (a|the|your) (~supervisor|~manager|sup|team lead)',
            '(already|i already) (had|spoke to|talked to) (one|a supervisor|a manager)',
            '(through|past|with) (two|2|three|3|several|multiple)? (reps|agents|people)? (and)? (a|the|one|your)? (floor|shift)? (~supervisor|~manager|sup|supervisors|managers)',
            '(2|two|3|three|multiple|several) (supervisor|manager|sup|mgr) (calls|conversations|escalations|callbacks|chats)',
            '(tier 2|t2|tier two|escalations team|escalation team|tier 1|t1) (already|said|looked|reviewed|denied|told|refused|could not|couldnt)',
            '(~supervisor|supervisors|~manager|managers|mgr|sup|supe|team lead) (i|we|cx|mbr) (spoke|talked|spoken|dealt|had) (to|with)?',
            '(spoke|spoken|talked|been|dealt|escalated) (to|with) _{1,2} (the|your|a) (~supervisor|~manager|mgr|sup|team lead)',
            '(~supervisor|~manager|mgr|sup|team lead|tl) _ (couldnt|could not|didnt|did not|wouldnt|would not|refused|said|told|was|already|hung up)',
            '(asked for|requested|got|had|escalated to) (a|the)? (~supervisor|~manager|mgr|sup) (last|yesterday|earlier|before|already|previously|on|twice)',
            '(~supervisor|supervisors|~manager|managers|mgr|sup|sups|supe|supes|team lead|team leader) (has already|already|was|were|said|told|couldnt|could not|didnt|did not|refused|hung up|was useless|was no help|cant|can not|wont|will not|has already|have already|just)',
            '(your|the|a|that|this|my) (~supervisor|~manager|mgr|sup|supe|team lead) (promised|agreed|offered|assured|guaranteed|swore|approved|denied|called|emailed|gave|quoted|put|escalated|reviewed|looked)',
            '(~supervisor|~manager|mgr|sup|supe|team lead) (callback|call back|call|review|contact|conversation|chat) (done|completed|complete|happened|made|already|was|yesterday|today|on|last|no help|did not|didnt)',
          ],
        },
        {
          scope: 'message',
          anyOf: [
            '(who is|whos|where is|wheres|who do|who does|give|time for|necesito|quiero|hablar|next step|next stop|over (your|their|his|her) head|want|wants|wanted|need|needs|demand|demands|demanding|request|requests|requesting|requested|req|ask|asks|asking|asked|speak|talk|get|escalate|escalating|escalated|go|send|transfer|take|bump|insist|insists|insisting|connect|like|put)',
          ],
        },
      ],
      guards: [
        { scope: 'overlap', anyOf: ['(another|different|other|new|second) (~supervisor|~manager|mgr|sup)'] },
        {
          scope: 'before',
          anyOf: ['(in|into) trouble with', '(not|never) (trying|want|wanting|going) to (get|report)'],
        },
      ],
    },
  ],
};

export const abusiveCustomer: TTriggerDefinitionInput = {
  code: 'ABUSIVE_CUSTOMER',
  detectorId: 'text.abusive-customer',
  description:
    'Profanity, insults, slurs or threats aimed at the agent or staff; the agent had to end the call (LL-1, LL-5).',
  cues: [
    {
      id: 'insult-at-staff',
      patterns: [
        '(you lot|u people|u guys|ya people|ustedes son|ustedes|eres|you|u|ya|ur|your (team|people|agents|staff|reps|employees|workers|support people|service people|csrs)|you guys|you people|y all|yall|all of you|this agent|the agent|that agent|the rep|this rep|your rep|your agent|your tech|your technician|your employee|that rep|the tech|eres|son) (are|is|was|were|r|re|must be|sound like|seem|seem like|act like)? (@insult-modifier)? (@insult-modifier)? (@insult-modifier)? (@insult-modifier)? (@insult)',
        '(@insult) (agent|agents|rep|reps|staff|employees|people|workers|support staff|person|woman|man|lady|guy)',
        '(fuck|f|fk|fck|fuk|screw|f ck|f k|maskedprofanity) (you|u|ya|off|yourself|yourselves|all of you|you all|yall)',
        '(hey|listen|look|ok|okay|yo|listen here) (you)? (@insult-modifier)? (@insult)',
        '(are|r) (you|u|ya|you guys|you people|yall) _{0,3} (@insult)',
        '(made|making|issued|issuing) (threats|threat|threatening remarks) (toward|towards|against|to|at) (agent|the agent|me|staff|rep|the rep|our agent)',
        '(shut your mouth|shut ur mouth|shut your trap|shut your face)',
        '(threatened|threatening|threats to|threats against|threat to) (the)? (agent|me|staff|rep|employee|tech|technician|our agent|my safety)',
        'find out where (you|she|he|they|u) (live|lives|work|works)',
        '(threatened|threatening|threatens|threats) to _{0,6} (hurt|kill|harm|beat|attack|shoot|stab|punch|assault|bomb|burn down|blow up|smash|beat up|rough up)',
        '(threatened|threatening|threatens) to (come|show up|go|drive) (to|at|down to|over to) (the|our|your|their)? (office|offices|store|building|warehouse|location|headquarters|hq|call center)',
        '(go to hell|burn in hell|shut up|shut the fuck up|shut the f up|stfu|kiss my ass|eat shit|piece of shit|son of a bitch|sob|get bent|drop dead|vete a la mierda|chinga tu madre|callate)',
        '(called|calling|call) (me|the agent|our agent|agent|the rep|staff) (a|an)? _{0,2} (@insult|name|names|slur|slurs)',
        '(i ll|i will|gonna|going to|im going to|we will) (find|hurt|kill|come for|come after|beat|get|show up at|find out where) (you|u|your|yall)',
        '(make|making) (you|u|yall|you all|you people) (regret|pay for|sorry)',
        '(come|coming) down there',
        '(know|find out) where (you|u) (live|work)',
        '(watch|better watch) your back',
        '(insulto|insultaron|grito|le grito|amenazo|amenazaron) (a la|al|a)? (agente|asesor|asesora|representante)',
        '(he|she|they|you|that tech|the tech|he is|she is) (is|are)? (going to|gonna|will) regret (it|this)',
        '(see|watch|find out) what happens (to you|to your|to yall|to you people)',
        'i know where (your|you|the) (office|offices|store|building|warehouse|call center|house|home|family) (is|are|live|lives|work|works)',
      ],
      guards: [
        {
          scope: 'overlap',
          anyOf: ['(your|the) (product|app|website|site|system|service|machine|unit|device|policy|process) (is|are)'],
        },
        { scope: 'overlap', anyOf: ['(hurt|kill|harm) (himself|herself|themselves|themself|myself)'] },
      ],
    },
    {
      id: 'agent-reports-abuse',
      guards: [
        {
          scope: 'after',
          anyOf: [
            'about (the|their|his|her|this)? (product|app|machine|unit|device|service|delay|situation|weather|traffic)',
          ],
        },
        {
          scope: 'sentence',
          anyOf: [
            '(bad|poor|lost|weak) (connection|reception|signal|line)',
            'call (dropped|disconnected) (on its own|by itself)',
          ],
        },
      ],
      patterns: [
        '(cx|customer|mbr|member|caller|client|he|she) (was|were|is|kept|started|began|continued|became|got|been)? _{0,2} (yelling|screaming|cursing|cussing|swearing|shouting|abusive|verbally abusive|belligerent|harassing|berating|insulting|name calling)',
        '(had|have|needed) to (end|disconnect|terminate|release|drop) (the|this)? (call|chat|conversation|interaction)',
        '(had|have|needed) to hang up (on)? (cx|customer|caller|him|her|them|mbr|member)',
        '(ended|disconnected|terminated|released) (the)? (call|chat|interaction) (due to|because of|for|after) _{0,3} (abuse|abusive|profanity|language|cursing|threats|harassment|yelling|behavior)',
        '(verbal|verbally) (abuse|abusive)',
        '(profanity|cursing|cussing|swearing|slurs|racial slur) (at|toward|towards|directed at) (me|the agent|agent|staff|us)',
        '(yelled|screamed|cursed|cussed|swore) at (me|the agent|agent|staff|us|our agent|the rep)',
        '(yelled|screamed|shouted|used|hurled|directed|spewed) (a|racial)? (profanities|profanity|obscenities|slurs|slur|insults|curse words|expletives) (at|toward|towards|against)?',
        '(cussed|cursed|chewed|swore) (me|the agent|agent) out',
        '(would not|wouldnt|wont|refused to) (stop|quit) (yelling|cursing|screaming|swearing)',
      ],
    },
  ],
};
