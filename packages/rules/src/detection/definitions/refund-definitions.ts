import type { TTriggerDefinitionInput } from '../definition-schema.js';

const moreThanTwoWeeks =
  '(2+|3+|4+|5+|6+|3|4|5|6|7|8|three|four|five|six|seven|eight|several|a few|few|couple|couple of) (weeks|wks)|(15|16|17|18|19|20|21|22|23|24|25|26|27|28|29|30|31|35|40|45|50|60|90) (days|business days)|(over|more than|past|almost|nearly) (2|two|14|fourteen) (weeks|days)|(over|more than) a fortnight|a fortnight|two fortnights|(a|one|1|2|two|3|three|over a|more than a|over one|whole|full) (month|months)|(mes|meses|semanas)|(hace)? mas de (14|catorce|15|quince|dos semanas) (dias)?|(the)? # (of)? last month|early last month|beginning of last month|start of last month';

export const refundThreshold: TTriggerDefinitionInput = {
  code: 'REFUND_THRESHOLD',
  detectorId: 'text.refund-threshold',
  description:
    'A refund ask for more than 3 monthly billings or for 4 or more program purchases, stated outright (LL-1, LL-10).',
  cues: [
    {
      id: 'many-billings',
      patterns: [
        '(@number-above-three) (mos|mo|mths|mnths|meses|mensualidades|months|month|monthly|billing|billings|billing cycles|charges|payments|subscription payments|monthly payments|monthly charges|months worth|months of) (of)? (subscription|billing|billings|charges|payments|membership|fees)?',
        '(@number-above-three) (programas|cursos|program|programs|program purchases|course|courses|course purchases|class|classes|plans|challenges|purchases|orders)',
        '(all)? (@number-above-three) of (the|my|those|these|your|their) (program purchases|course purchases|programs|courses|classes|plans|challenges|purchases|orders|months|charges|payments|monthly payments|monthly charges)',
        '(a|the|whole|entire|full) (year|years) (of|worth of)? (subscription|billing|billings|charges|payments|membership)?',
        '(last|past) (year|years) (of|worth of) (subscription|billing|billings|charges|payments|membership)?',
        'every (month|charge|payment|billing) since',
        '(billed|charged) (@number-above-three) (times|x)',
        '(@number-above-three) (subscription|monthly|membership|recurring|separate) (billings|charges|payments|fees|programs|courses|purchases)',
      ],
      requires: [
        {
          scope: 'sentence',
          anyOf: ['(@refund-word|back|charged|paid|owed|return|billing|billed|never used|did not use|never use)'],
        },
      ],
      guards: [
        {
          scope: 'overlap',
          anyOf: ['(for|in|after|within|over) (the)? (past|last|next)? (4|four) (months|weeks)? (ago|now)'],
        },
        { scope: 'before', anyOf: ['(only|just) (want|need|asking for)'] },
      ],
    },
    {
      id: 'refund-all-programs',
      patterns: [
        '(@refund-word) (me)? (for)? (all|every one of|each of)? (@number-above-three) (of them|programs|courses|purchases|challenges|plans)?',
        '(all|every one of|each of) (@number-above-three) (of them|programs|courses|purchases)? (refunded|back|returned|reimbursed)',
        '(bought|purchased|ordered) (your|the|these|those)? (programs|courses|program|course) (@number-above-three) (separate|different)? (times)',
      ],
      requires: [
        { scope: 'message', anyOf: ['(program|programs|course|courses|purchases|challenges|plans|bought|purchased)'] },
      ],
      guards: [
        {
          scope: 'overlap',
          anyOf: ['(4|four|5|five|6|six|7|8|10|several|multiple) (days|weeks|hours|dollars|business days)'],
        },
      ],
    },
  ],
};

export const repeatRefund: TTriggerDefinitionInput = {
  code: 'REPEAT_REFUND',
  detectorId: 'text.repeat-refund',
  description: 'Refunded 3 times for the same booking refund reason, stated outright (CARE-B1).',
  cues: [
    {
      id: 'third-refund',
      patterns: [
        '(@refund-word) _{0,4} (3|three|4|four|multiple|several|tres|cuatro) (times|x|occasions|veces)',
        '(@refund-word) _{0,4} (3x|4x|3 x|4 x)',
        '(third|3rd|fourth|4th) (refund|refunds|booking refund|booking refunds|reembolso)',
        '(3|three|4|four|third|3rd|fourth|4th) (time|times) _{0,5} (been refunded|refunded|gotten a refund|got a refund|received a refund|requested a refund|asked for a refund|get a refund|getting a refund|needed a refund|a refund|refund)',
        '(3|three|4|four) (prior|previous|past|separate|earlier|other)? (refunds|booking refunds|reembolsos)',
        '(that is|thats|that s|this is|now|already) (3|three|4|four) (times|x)',
        '(same reason|same issue|same problem) _{0,6} (3|three|4|four) (times|x)',
        '(same|identical) (refund)? (reason|issue|problem) _{0,3} (third|3rd|fourth|4th) time',
        '(third|3rd|fourth|4th) time _{0,4} same (refund)? (reason|issue|problem)',
        '(tercer|tercera|3er|cuarto|cuarta) (reembolso|reembolsos|devolucion|vez) _{0,4} (mismo|misma)',
        '(@refund-word) (all|the)? (3|three|4|four) (bookings|reservations|visits|sessions) (for the same|for same|same)',
        '(tercera|cuarta) vez _{0,6} (reembolsan|reembolsaron|reembolso|devuelven|devolvieron)',
        '(@refund-word) (number|no|num)? (3|4|three|four) (on|for) (booking|reservation|this booking|the booking|order)',
        'same reason (code)? (as|like) (the)? (first|last|previous|other) (two|2|three|3)',
      ],
      requires: [{ scope: 'message', anyOf: ['(@refund-word)'] }],
      guards: [
        {
          scope: 'overlap',
          anyOf: ['(3|three|4|four) (days|weeks|months|business days|dollars|hours)', 'third party'],
        },
        {
          scope: 'message',
          anyOf: [
            '(different|separate|various|unrelated) (bookings|booking|reasons|reason)',
            '(one|1) _{1,3} (one|1) _{1,3} (one|1)',
          ],
        },
      ],
    },
  ],
};

export const cancellationFeeRefund: TTriggerDefinitionInput = {
  code: 'CANCELLATION_FEE_REFUND',
  detectorId: 'text.cancellation-fee-refund',
  description: 'The provider refunded the customer offline and the cancellation fee is still owed back (CARE-B2).',
  cues: [
    {
      id: 'fee-after-offline-refund',
      patterns: [
        '(canc|cxl|cancellation|cancelation|cancel|canceling|cancelling|late cancel) (fee|fees|charge|charges)',
        '(tarifa|cargo|cuota|cobro|multa) (de|por) (cancelacion|cancelar)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(sp|cg|pro|prov|provider|care provider|caretaker|teacher|tutor|caregiver|sitter|babysitter|nanny|tutor|housekeeper|walker|she|he|they) _{0,4} (return|give|pay|send|refund|refunded|paid|gave|sent|returned|venmoed|zelled|reimbursed) _{0,4} (me|us)? _{0,3} (back|directly|offline|in cash|cash|via venmo|on venmo|through venmo|via zelle|through zelle|by zelle|by check|personally|outside|the money|my money|the rest)?',
            '(refunded|paid me back|paid us back) (me|us)? (offline|directly|in cash|via venmo|through venmo|via zelle|personally|outside the app|outside the site)',
            '(issued|sent|gave|processed|did|handled|made) (the|a|her|his|their)? (refund|reembolso) (outside|off|directly|via|through|by|in cash|offline|herself|himself|themselves|personally)',
            '(venmo d|venmoed|zelled|paid|refunded|returned|sent) (the|a|my)? (seeker|customer|family|member|client|me|us) (the|a|their|my)? (booking amount|money|refund|payment|fee)',
            '(sorted|settled|squared) (my|the|our) (money|payment|refund) (out|up)? (privately|directly|in cash|offline|herself|himself)?',
            '(refund|refunded|paid|pay|reimbursed|reimburse) (me|us) (herself|himself|themselves|directly|personally|privately) (over|via|through|by|on|in)?',
            '(sp|provider|caregiver|sitter|babysitter|nanny|tutor|housekeeper|she|he|they) (settled up|settled|squared up|squared away) (with)? (me|us)? (privately|directly|in cash|offline|outside)?',
            '(cuidador|cuidadora|proveedor|proveedora|ninera|nana|tutor|tutora|ella|el) (ya)? (me|nos|le|les)? (devolvio|reembolso|pago|regreso|dio) _{0,4} (dinero|efectivo|pago|reembolso|venmo|zelle)?',
          ],
        },
      ],
    },
  ],
};

export const repeatRma: TTriggerDefinitionInput = {
  code: 'REPEAT_RMA',
  detectorId: 'text.repeat-rma',
  description: 'Two or more returns or RMAs, stated outright (TON-7).',
  cues: [
    {
      id: 'several-returns',
      patterns: [
        '(@number-from-two) (prior|previous|past|earlier|separate|other)? (rma|rmas|returns|replacements|exchanges|replaced units|replacement units|return authorizations|devoluciones)',
        '(second|third|fourth|fifth|2nd|3rd|4th|5th|another) (rma|return authorization)',
        '(devolvi|devolvimos|devuelto|regrese|regresamos|regresado|mande|mandamos|mandado|envie|enviamos|enviado) (el|la|los|las)? _{0,2} (dos|tres|cuatro|2|3|4) veces',
        '(rma|return) (number|#|no) (2|3|4|5|two|three|four|five)',
        '(rma|rmas) (number|no|num)? (2|3|4|5|two|three|four|five)',
        '(second|third|fourth|fifth|2nd|3rd|4th|5th) (return|replacement|exchange|replacement unit|unit|machine|device)',
        '(second|third|fourth) time (i am|i m|im|we are|i have|we have)? (returning|sending|shipping|exchanging|doing an rma|getting a replacement)',
        '(second|third|fourth|fifth|2nd|3rd|4th|5th) time (returning|sending (it|this|them|one)? back|exchanging|getting a replacement|replacing|doing an rma)',
        '(twice|two times|three times|# times|2x|3x|multiple times|several times) _{0,6} (return|returned|rma|replace|replaced|exchange|exchanged|send back|sent back|send it back|ship back)',
        '(sent|shipped|mailed|ship|send|mail) _{0,3} back _{0,2} (twice|two times|three times|3 times|2 times|# times|2x|3x|multiple times|several times)',
        '(rma|rmad|returned|replaced|exchanged|swapped|sent back|return|exchange|replace|send back|ship back) _{0,4} (twice|two times|three times|3 times|2 times|# times|2x|3x|multiple times|several times)',
        '(rma|rmas) (#|number)? _{0,1} (and|&) (rma|another)',
        '(returned|sent back|shipped back|exchanged|swapped|replaced|rmad|rma d|sent) (@number-from-two) (units|machines|devices|trainers|of them|already) (back)?',
      ],
      guards: [
        {
          scope: 'overlap',
          anyOf: [
            '(second|third|2nd|3rd) (time i (call|called|asked|wrote|emailed|contacted|have called|have asked)|time we (call|called)|time calling|call|email|message)',
          ],
        },
      ],
    },
    {
      id: 'another-one-returned',
      patterns: ['(second|third|fourth|fifth|2nd|3rd|4th|5th) one'],
      requires: [
        {
          scope: 'message',
          anyOf: ['(rma|rmas|returned|replacement|replaced|exchanged|sent back|send back|shipped back|swap|swapped)'],
        },
      ],
      guards: [{ scope: 'message', anyOf: ['(refund|refunds|refunded|reembolso)'] }],
    },
  ],
};

export const staleRefund: TTriggerDefinitionInput = {
  code: 'STALE_REFUND',
  detectorId: 'text.stale-refund',
  description: 'A refund processed more than 14 days ago has not arrived (LL-8).',
  guards: [
    {
      scope: 'message',
      anyOf: [
        '(not|never|n t|hasnt|hadnt|wasnt|havent) (yet|actually|really|even|ever)? (been|even)? (processed|issued|initiated|approved|submitted|started)',
        '(still|yet to) (be)? (processed|approved|issued)',
        '(promised|said|told me) (you|they|he|she|it) (would|will|d) (refund|process)',
      ],
    },
  ],
  cues: [
    {
      id: 'processed-on-dates-weeks-apart',
      minimumDaysBetweenDates: 15,
      patterns: [
        '(@refund-word|credit) _{0,8} (processed|proc|procd|sent|issued|went through|posted|completed|initiated|approved|confirmed|procesado|procesaron|enviado)',
        '(processed|issued|sent|initiated|approved|confirmed|completed|procesaron|enviaron) (the|my|your|a|el|mi)? (@refund-word)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(not|never|no|havent|hasnt|still|nothing|where|yet|missing|no sign|nowhere|cant find|no veo|todavia|aun|now|today)',
          ],
        },
      ],
    },
    {
      id: 'processed-long-ago',
      patterns: [
        `(@refund-word|credit|return) _{0,8} (${moreThanTwoWeeks})`,
        `(${moreThanTwoWeeks}) _{0,6} (@refund-word)`,
        `(been|now|it s been|its been|over|already|waited|waiting) _{0,2} (${moreThanTwoWeeks})`,
        '(@refund-word) _{0,2} (processed|issued|sent|initiated|procesado) _{0,4} (14|fourteen) (days|business days|dias)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(process|processing|went thru|thru|proceso|procesaron|procesado|processed|issued|initiated|approved|sent|submitted|confirmation|confirmed|refunded|posted|credited|completed|went through|was refunded|you refunded|procesado|procesaron)',
          ],
        },
        {
          scope: 'message',
          anyOf: [
            '(not|never|no|havent|hasnt|still|nothing|where|yet|missing|no sign|nowhere|cant find|no veo|todavia|aun)',
          ],
        },
      ],
    },
  ],
};
