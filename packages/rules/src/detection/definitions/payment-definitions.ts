import type { TTriggerDefinitionInput } from '../definition-schema.js';
import { agentPolicyQuote, policyStatement, threatGuards } from './shared-vocabulary.js';

/** Banks, card networks and payment processors, as pattern text. */

export const chargebackThreat: TTriggerDefinitionInput = {
  code: 'CHARGEBACK_THREAT',
  detectorId: 'text.chargeback-threat',
  description: 'Will dispute (or has disputed) the charge with the bank or card company (LL-1, LL-2, LL-3).',
  blockedInQuestions: true,
  guards: [
    ...threatGuards,
    {
      scope: 'overlap',
      anyOf: [
        'bank (holiday|holidays|account number|account info|details|statement|transfer|wire|routing)',
        '(food|blood|river|west|left|right|south|north|sperm|data|power) bank',
      ],
    },
  ],
  cues: [
    {
      id: 'chargeback',
      patterns: [
        '(~chargeback|chargebacks|chargbacks|charge back|charge backs|chargeback s|contracargo|contracargos)',
        '(threaten|threatens|threatened|threatening|threat of|file|files|filed|filing|initiate|initiated|initiating|open|opened|opening|do|doing|did|process|processed|pending|open) (a)? (cb|cbk|cbs)',
      ],
      guards: [
        {
          scope: 'overlap',
          anyOf: ['chargeback (policy|policies|fee|fees|process|rules|department|team|threat|threats|workflow)'],
        },
      ],
    },
    {
      id: 'dispute-charge',
      patterns: [
        '(contest|contesting|contested|dispute|disputing|disputed|disputar|disputare|reclamar) (the|this|that|these|those|my|your|all|every|each|el|este|los)? (charge|charges|payment|payments|transaction|transactions|purchase|cargo|cargos|pago|billing|bill|debit|fee|fees|subscription|order)',
        '(contest|contested|contesting|disputa|disputas|reclamo|reclamacion|dispute|disputing|disputed|dispute it|dispute this|dispute that|file a dispute|filed a dispute|filing a dispute|open a dispute|opened a dispute|opening a dispute|claim|claims|report|reported|reporting|fraud claim) _{0,5} (with|to|through|thru|w|via|con|on|en) (my|the|our|his|her|their|mi|su)? (@payment-institution|@payment-card)',
        '(@payment-institution) (called|calling|phoned|emailed|rep|representative|agent) _{0,5} (dispute|disputes|disputed|chargeback|chargebacks|claim)',
        '(@payment-institution) _{0,3} (reversing|reversed|refunding|pulling|clawing back|claw back|clawback|pull back|take back|dispute|disputes|disputing|disputed|claim|chargeback|reverse|reversal|investigating|investigation|looking into|pull the money|take the money back|get my money back|refund me)',
        '(report|reporting|reported|flag|flagging|flagged|mark|marking|marked) (this|the|these|it|that|your)? (charge|charges|transaction|payment)? as (fraud|fraudulent|unauthorized)',
        '(stop|stopping|stopped|block|blocking|blocked) (the)? (payment|payments)',
        '(cancel|canceling|cancelling|cancelled|canceled|reverse|reversing|reversed|pull|pulling|stop|stopping|block|blocking) _{0,3} (payment|payments|charge|charges|transaction|transactions|money) (through|with|via|at|by) (my|the|her|his|their|our)? (@payment-institution|@payment-card)',
      ],
    },
    {
      id: 'customer-opened-dispute',
      patterns: [
        '(buyer|customer|cardholder|cx|member|mbr|client|purchaser) (opened|filed|submitted|initiated|started|has opened|has filed) (a|an)? (claim|dispute|chargeback|case)',
        '(dispute|disputes|chargeback|chargebacks) (opened|filed|initiated|raised|submitted|lodged) (on|for|against|by|regarding)',
        '(received|got|have|opened) (a|an)? (dispute|chargeback|claim) (from|by|filed by) (your|the|a|our) (customer|cardholder|member|client|account holder)',
        '(dispute|disputes|chargeback|chargebacks|claim) (our|your|the|a|their) (cardholder|customer|member|client|card member|cardmember|account holder) (filed|opened|submitted|initiated|raised|lodged)',
        '(anulen|anular|cancelen|reviertan|revertir|desconocer|desconozcan|disputen) (el|los|este|ese|estos)? (cargo|cargos|cobro|cobros|pago)',
        '(quejar|reclamar|ir|llamar) (con|a|al) (mi|el) (banco|tarjeta)',
        '(disputo|disputaron|reclamo|desconocio|desconocieron) (el|los)? (cargo|cargos|cobro|cobros) (con|en|ante) (su|mi|el|la) (banco|tarjeta)',
        '(reportar|reclamar|disputar|reporte|reporto|reportare) (el|los|este|ese)? (cargo|cargos|cobro|cobros) (a|con|en|ante) (mi|el|la) (banco|tarjeta)',
      ],
      requires: [{ scope: 'message', anyOf: ['(@payment-institution|notice|dispute|chargeback)'] }],
    },
    {
      id: 'charge-disputed',
      patterns: [
        '(charge|charges|payment|transaction) (is|was|has been|are|were|being)? (disputed|in dispute|charged back|being disputed)',
        '(disputed|contested|charged back) (hb|tsm|the|a|an|this|that|their|his|her)? _{0,1} (charge|charges|transaction|transactions|payment|order)',
      ],
      guards: [{ scope: 'overlap', anyOf: ['(not|never|isnt|wasnt) (disputed|in dispute)'] }],
    },
    {
      id: 'dispute-it',
      patterns: ['(dispute|disputing|disputed|contest|contesting|contested) (it|this|that|them|these|those) $'],
      requires: [
        {
          scope: 'message',
          anyOf: ['(refund|refunded|charge|charged|charges|payment|paid|bill|billed|billing|card|subscription|money)'],
        },
      ],
      guards: [
        {
          scope: 'message',
          anyOf: ['(claim|cap|payout|coverage|denial|buyout|settlement|credit amount|review|decision|ruling)'],
        },
      ],
    },
    {
      id: 'cardholder-dispute',
      patterns: [
        '(cardholder|cardmember|card holder|account holder|consumer) (dispute|disputes|chargeback|chargebacks|claim|claims)',
      ],
      requires: [{ scope: 'message', anyOf: ['(@payment-institution)'] }],
    },
    {
      id: 'filed-dispute',
      patterns: ['(recent|open|opened|pending|new|filed|active) (dispute|disputes|disputed charge|disputed charges)'],
      requires: [{ scope: 'message', anyOf: ['(@payment-institution)'] }],
    },
    {
      id: 'reluctant-dispute',
      negatable: false,
      patterns: [
        '(do not|dont|would rather not|rather not|id rather not|i would rather not) (want to)? (have to)? (dispute|call|contact|involve|go to|do|file|open|start) _{0,3} (charge|bank|card|credit card company|chargeback) _{0,3} but (i|we) (will|would|am|can|could)',
      ],
    },
    {
      id: 'money-back-through-card',
      patterns: [
        '(get|getting|got|take|taking) (my)? (money|payment|funds) back (through|from|via|with|using) (my|the)? (@payment-institution|@payment-card)',
      ],
    },
    {
      id: 'call-bank',
      patterns: [
        '(ringing|ring up|ringing up|rang|llamo a|llamar a|llamare a|call|calling|called|contact|contacting|contacted|tell|telling|told|talk to|talking to|talked to|going to|gonna|go to|going to my|phone|phoned|ring|notify|notifying|notified|let|llamar|llamare|llamando|voy a llamar a|hablar con) (my|the|his|her|their|mi|al|su)? (@payment-institution)',
        '(my|the)? (@payment-institution|@payment-card) _{0,4} (getting a call|get a call|hearing from me|hear from me|get a call from me)',
        '(have|get|let|having) (my|the)? (@payment-institution) (handle|deal|take care|reverse|pull|get|take it back|sort|claw|dispute|charge it back|charge this back)',
        '(my|mi) (@payment-institution|@payment-card) (will|is going to|gonna|can|va a) (do it for me|handle it for me|get it back|get my money|take it back|reverse it|refund me|take care of it|claw it back|sort it out)',
        '(go|going|gonna go|headed|heading|goes|run|running) to _{1,4} (and|&|then|plus) (to)? (my|mi) (@payment-institution)',
      ],
      guards: [
        {
          scope: 'after',
          anyOf: [
            '(to|and) (update|check|verify|confirm|unlock|unfreeze|approve|authorize|allow|whitelist|lift|ask why|see why|find out why|get a new card|order a new card|remove the hold|release)',
            '(said|says|told me) (the|it|that)? (charge|payment)? (was|is) (fine|approved|pending|legit)',
          ],
        },
      ],
    },
  ],
};

export const financialInstitutionContact: TTriggerDefinitionInput = {
  code: 'FINANCIAL_INSTITUTION_CONTACT',
  detectorId: 'text.financial-institution-contact',
  description: 'A bank, processor or payment gateway contacts us, or someone asks for our MID (LL-1, LL-8).',
  guards: [
    agentPolicyQuote,
    policyStatement,
    { scope: 'overlap', anyOf: ['(called|emailed|contacted|texted|messaged) (me|my phone)', 'bank holiday'] },
  ],
  cues: [
    {
      id: 'institution-calls',
      patterns: [
        '(@payment-institution|processor|payment processor|gateway|payment gateway|stripe|braintree|authorize net|nmi|merchant services|fraud department|fraud dept|fraud team|disputes department|dispute department|risk team|acquirer|acquiring bank) (disputes dept|dispute dept|disputes department|fraud investigator|fraud analyst|fraud specialist|fraud rep|fraud agent|fraud investigations|dispute rep|disputes rep|dispute analyst|dispute investigator|investigations|investigations team|investigator|dispute team|dispute department|disputes department|chargeback team|chargeback department|claims team|claims department|support|support team|customer service|compliance|underwriting|rep|representative|agent|investigator|analyst|specialist|department|dept|team|person|lady|guy|card services|cardmember services|card member services|services|disputes|disputes team|risk team)? (called|calling|phoned|rang|emailed|wrote|reached out|contacted us|is on the line|on the line|on line|was on the line|left a (voicemail|vm|message)|asking|asked|requesting|requested|wants to verify|contacted|inquiring|inquired|is on line|was on line|is on the line|is on hold|is holding|is calling|faxed|faxed over|mailed|sent over|sent|submitted|forwarded|notified us|(flagged|flags|is flagging|froze|has frozen|put a hold on|placed a hold on|is reviewing) (us|our|several|multiple|a number of|a batch of|a few)|opened (a|an) (inquiry|investigation|review|case|retrieval request)|wants us|needs us|asked us|is asking us|requires us|wants documentation|wants proof|requested documentation|requested proof)',
        '(someone|somebody|rep|agent|person|lady|guy|caller|representative) (from|at|with) (the|a|our|their)? _{0,2} (@payment-institution|processor|payment processor|gateway|payment gateway|stripe|braintree|merchant services|fraud department|acquirer) _{0,6} (calling|called|on the line|on line|is on|asking|asked|wants|requesting|needs|inquiring)',
        '(call|calls|phone call|voicemail|vm|email|letter|inquiry|fax|notice|request) from (the|a|an|cx s|customer s|customers|cxs|their|his|her|mbr s)? _{0,2} (@payment-institution|processor|payment processor|gateway|payment gateway|stripe|braintree|merchant services|fraud department|credit union|acquirer)',
        '(this is|calling from|writing from|we are|here is) _{0,3} (from|with|at|on)? (the|a)? (risk|fraud|fraud prevention|dispute|disputes|chargeback|chargebacks|security|card services|merchant services) (team|department|dept|unit|desk|services) (at|from|of|with) (the)? (@payment-institution)',
        '(@payment-institution) (risk|dispute|disputes|fraud|chargeback|chargebacks|compliance|merchant|support|underwriting|investigations|card services|fraud prevention) (team|department|dept|desk|unit|services)? (here|calling|writing|speaking)',
        '(this is|calling from|writing from|we are|here is) (the|a)? (@payment-institution) (risk|dispute|disputes|fraud|chargeback|chargebacks|compliance|merchant|support|underwriting|investigations)? (team|department|dept|desk|unit|services)',
        '(llamo|llamamos|hablo|le hablo|le llamo|escribo|le escribo|le escribimos) (de|del|desde) (el|la)? (@payment-institution)',
        '(calling|writing|this is _{0,3}) (from|with|at|on behalf of) (the)? _{0,2} (@payment-institution|processor|payment processor|gateway|payment gateway|stripe|braintree|merchant services|fraud department|acquirer)',
      ],
      guards: [
        {
          scope: 'overlap',
          anyOf: ['(my|mi) (@payment-institution)', '(asking|asked|requesting|requested|wants|wanted|needs) me'],
        },
      ],
    },
    {
      id: 'merchant-id',
      patterns: [
        '(merchant id|merchant ids|merchant identification|merchant number|merchant account number|merchant account|merchant category code)',
        '(your|ur|our|the|a|their) mid (number|#|num|no)?',
        'mid (number|#|question|questions|lookup|info|inquiry|num)',
        '(decline|declined|declines) _{0,4} (says|said|message|code|reads|read|shows|showed) _{0,3} call',
      ],
      guards: [
        {
          scope: 'overlap',
          anyOf: [
            'the mid (#|morning|afternoon|day|week|month|year|nineties|80s|90s|century|point|way|range|tier|size|section)',
          ],
        },
      ],
    },
  ],
};
