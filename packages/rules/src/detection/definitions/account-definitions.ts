import type { TTriggerDefinitionInput } from '../definition-schema.js';
import { policyStatement } from './shared-vocabulary.js';

export const genderIdentity: TTriggerDefinitionInput = {
  code: 'GENDER_IDENTITY',
  detectorId: 'text.gender-identity',
  description:
    'Gender identity or name concern: the care SOP keywords, name or gender updates, pronouns, legal vs display name, LGBTQ+ content in a job post (CARE-G1).',
  cues: [
    {
      id: 'keyword',
      negatable: false,
      patterns: [
        '(queer|genderqueer|genderfluid|gender fluid|deadname|deadnames|deadnamed|deadnaming|dead name|dead named|dead naming|transgender|transgendered|transexual|transsexual|lgbtq|lgbtq+|lgbt|lgbt+|lgbtqia|lgbtqia+|lgbtq2s+|non binary|nonbinary|non binary|enby|non cis|noncis|non cisgender|cisgender|misgender|misgendered|misgendering|transgenero|transgenera|no binario|no binaria|(two mom|two moms|two mommy|two mother|two mothers|two mum|two mums|two dad|two dads|two daddy|two father|two fathers|same sex|gay|lesbian) (household|family|families|couple|parents|home|parent)|mujer trans|hombre trans|persona trans|chica trans|chico trans|mujeres trans|hombres trans)',
        'trans (woman|women|man|men|person|people|kid|teen|child|daughter|son|partner|folks|youth|community|rights|identity|nonbinary|masc|femme)',
        '(i am|im|i m|they are|she is|he is|my (kid|child|son|daughter|partner) is|identify as|as a|being|soy) trans',
        '(outs|outed|out|outing) (me|them|him|her|us) (as)? (trans|gay|queer|nonbinary|non binary|lesbian|bi|bisexual)',
        '(transition|transitioning|transitioned) (to|from)?',
        '(because|since|for being|cause) (i am|im|i m|they are|she is|he is|we are|being) (gay|lesbian|trans|queer|nonbinary|non binary|bi|bisexual|transgender)',
        '(gender|sexual) (discrimination|identity|identities|expression|orientation)',
        '(discriminat*|harass*|targeted|bullied) _{0,5} (because of|for being|due to|based on) _{0,2} (my|their|his|her)? (gender|identity|pronouns|sexuality|being trans|being gay|being queer)',
        '(i|we|they) (do not|dont) identify (as) (a|an)? (man|woman|male|female|boy|girl|he|she|him|her|either|cis|cisgender|straight|binary|gendered|my assigned|the gender|a gender|any gender|with a gender)',
        '(i|we|they) (do not|dont) identify (as)? $',
        '(i|we|they) (do not|dont) identify with (the|my|a|either|any|those|these)? (gender|genders|sex|male|female|man|woman|binary|pronoun|pronouns|name|options|he|she|label|labels)',
      ],
    },
    {
      id: 'pronouns-and-names',
      patterns: [
        '(pronoun|pronouns|pronombres|they them|she her|he him|she they|he they|xe xem|ze zir)',
        '(preferred|chosen|real) name',
        '(legal) name _{0,14} (display|displayed|displays|profile|shows|showing|shown|show up|appears|visible|public|instead of|not my|dont use|do not use|go by)',
        '(display|profile|public) name _{0,8} legal (name)?',
        'legal (vs|versus|and|or) (display|preferred|chosen|profile) name',
        '(i|they|she|he|we) (am|are|is)? (go|goes|went|going) by (my|their|his|her)? (a different name|another name|_ now|chosen name|middle name|new name)',
        '(profile|page|listing|account) (shows|displays|lists|reveals|says|has|still shows) (my|their|his|her) (gender|sex|pronouns|legal name|old name|dead name|birth name)',
        '(name|names) (i|we|they) (actually|really)? (go|goes) by',
        '(see|show|display|use|shows|showing|list|lists) _ as (my|the|their|his|her) (display name|profile name|public name|name on the profile)',
        '(legal name|name on my id|id name|name on the id|birth name|government name) _{0,12} (i|they|she|he|we) (go|goes) by',
        '(address|call|refer to|addressing|calling|referring to) (me|them|him|her) (as)? (ms|mr|mrs|mx|miss|sir|maam|madam|she|he|they) _{0,4} (not|instead of|rather than) (ms|mr|mrs|mx|miss|sir|maam|madam|she|he|they|him|her)',
        '(change|changing|update|updating|correct|correcting|fix|fixing|edit|editing|switch|set|remove|cambiar|cambio|actualizar|corregir) _{0,3} (my|the|their|his|her|our|mi|el|su)? _{0,2} (gender|sex|gender marker|gender field|gender option|gender options|genero)',
        '(prefer not to say|prefer not to answer|rather not say|nonbinary option|third option|other option|x) _{0,3} (for|as|on)? (my)? (gender|sex)',
        '(gender|sex|name gender|name and gender) (update|change|correction|marker|updates|changes)',
        '(gender) (option|options|field|fields|dropdown|drop down|selection|choices|marker|markers|box|boxes|question)',
        '(only|just) (male|man) (and|or) (female|woman)',
        '(stop|quit|do not|dont|please stop) (calling|call|addressing|address|referring to|refer to) (me|them|him|her|my child|my kid) (as)? (sir|maam|madam|mr|ms|mrs|miss|he|she|him|her|a man|a woman|a guy|a girl|buddy|bro|dude|lady|young man|young lady)',
      ],
    },
    {
      id: 'name-update',
      patterns: [
        '(change|changing|update|updating|correct|correcting|edit|editing) _{0,3} (my|the|their|his|her|our) (first)? name',
        '(new|updated) (first)? name',
        '(calling|call|calls|called|using|use|uses|address|addressing|addressed|refer to|referring to) (me|them|him|her)? (by)? (my|their|his|her)? (old|birth|former|previous|given) name',
      ],
      guards: [
        {
          scope: 'message',
          anyOf: [
            '(married|marriage|maiden|wedding|wed|divorce|divorced|divorcing|husband s|husbands|wife s|spouse|last name|surname|family name|apellido)',
            '(typo|typos|misspelled|misspelling|spelled wrong|spelling|spelt wrong)',
            '(business|company|username|user name|screen name|file|document|job|post|pet|dog|cat|street|account) name',
          ],
        },
      ],
    },
    {
      id: 'lgbtq-job-post',
      negatable: false,
      patterns: [
        '(gay|lesbian|bisexual|pride|ally|same sex|two moms|two dads|rainbow) _{0,8} (job post|job posting|posting|listing|profile|ad|job)',
        '(job post|job posting|job ad|posting|post|listing) _{0,8} (gay|lesbian|bisexual|same sex|two moms|two dads|pride|rainbow)',
      ],
    },
  ],
};

export const privacyRequest: TTriggerDefinitionInput = {
  code: 'PRIVACY_REQUEST',
  detectorId: 'text.privacy-request',
  description: 'A data access, deletion or data-categories request (DSAR) (CARE-P1…P7).',
  guards: [
    {
      scope: 'sentence',
      anyOf: [
        '(mailing|marketing|email|emails|newsletter|newsletters|promotional|promo|promotions|sms|text|texts|spam) (list|lists|emails|messages|texts|communications)',
        '(marketing|newsletter|newsletters|promotional|promo|promotions|spam)',
        '(unsubscribe|unsubscribed|opt out of (emails|marketing|texts|promotions)|stop (sending|emailing|texting))',
        '(duplicate|duplicated|extra|second|old|other|spare|test|dupe|dup) (account|accounts|profile|profiles)',
        '(merge|merging|combine|consolidate)',
        '(keep|keeping|retain|retaining) (my|the) (account|profile|data)',
        '(card|credit card|debit card|payment method|payment info|payment information|billing info|bank account|bank info)',
        '(delete|erase|remove) (your|ur) (data|information|info|account)',
        '(will|would|does|could|might|can) (it|this|that|the update|updating|resetting) (erase|delete|wipe|remove|reset)',
        '(review|reviews|resena) (deletion|removal|delete|remove|edit)',
        '(remove|delete|erase|clear|hide) (the|my)? (gender|pronouns|pronoun|name|photo|picture|phone|phone number|number|address|email|bio|listing|post|job|badge|title|birthday|age) (from|on|off)',
      ],
    },
  ],
  cues: [
    {
      id: 'delete-data',
      patterns: [
        '(delete|deleting|deleted|erase|erasing|remove|removing|wipe|wiping|purge|purging|destroy|scrub|eliminar|borrar|borren) _{0,3} (all|any|every|todos|todas)? (of)? (my|our|the|mis|mi)? (personal)? (data|personal data|personal information|personal info|info|information|accnt|acct|acount|account|profile|records|pii|details|datos|cuenta|informacion|footprint|history|account and data)',
        '(delete|erase|remove|purge|destroy|wipe) (every|all|any) (record|records|file|files|data|information|info) (you have|you hold|you keep|you store|you have on file) (on|about|for) (me|us|her|him|them|my (mother|father|mom|dad|husband|wife|son|daughter))',
        '(delete|deleting|erase|erasing|remove|wipe|purge|destroy) (everything|all|anything|whatever) (you have|you have got|you got|u have|u got|ya have|you hold|you store|you keep|you collected|youve collected) (on|about) (me|us)',
        '(delete|deleting|erase|remove|wipe|purge) (me|myself) (from|off) (all)? (your|the) (system|systems|database|databases|site|platform|records|servers)',
        '(request|requesting|requests|formally request) (the)? (deletion|erasure|removal) of (my|all|our|any)',
        '(deletion|erasure) of (my|all my|our|all) (account|data|personal data|information|personal information)',
        '(right to be forgotten|right to delete|right to deletion|right to erasure|data deletion|deletion request|delete request|account deletion|delete account request)',
        '(close|closing|deactivate|deactivating) _{0,3} (account|profile) _{0,4} (and|then)? (delete|erase|remove|wipe|purge) _{0,3} (data|information|info)',
        '(every|all|any) (record|records|file|files|data|information|info) (you have|you hold|you keep)? _{0,4} (deleted|erased|removed|purged|wiped|destroyed|scrubbed)',
        '(everything|all|anything|every file|every record|all records|all files|all data|all my data|all my info) _{0,4} (scrubbed|deleted|erased|wiped|purged|removed|destroyed) (from|off) (your|the|all your|all of your) (records|system|systems|database|databases|files|servers|platform|site)',
        '(scrub|scrubbed|scrubbing) _{0,6} (from|off) (your|the|all your) (records|system|systems|database|databases|files|servers)',
        '(eliminacion|borrado|supresion|eliminar|borrar|suprimir|eliminen|borren|supriman|elimine|borre) (de)? (todos|todas|toda)? (mis|los|la|mi)? (datos|informacion|cuenta)',
        '(confirm|confirmation|proof|verify|verification|certify|certification) (that)? (my|our|all my|all of my|the)? (personal)? (data|information|account|info|records|personal data) (was|has been|is|were|have been|got|are) (actually|really|fully|permanently|completely|truly)? (deleted|erased|removed|purged|destroyed|wiped)',
      ],
    },
    {
      id: 'access-data',
      patterns: [
        '(copy|copies|access|export|download|see|view|obtain|get|send me|request|requesting|receive|report|list|inventory|summary) _{0,3} (of)? (all|any|everything)? (of)? (the|my|our) (personal)? (information in my file|info in my file|information on file|records on file|information in my account|data|personal data|personal information|personal info|info you have|information you have|data you have|data you hold|information you hold|data you collected|information you collected|datos)',
        '(what|which|all the|any) (data|information|info|personal data|personal information|personal info|categories of data) (do|does|did|you|have|are) _{0,4} (have|hold|store|stored|collect|collected|keep|kept|share|shared|sell|sold|gather|gathered|retain|retained) _{0,3} (on|about|from)? (me|my|us)?',
        '(categories|category|types|type|kinds|kind) of (my|our|the)? (personal)? (data|information|info)',
        '(copy|copies|export|download|list) (of)? (all|any)? (the|my|her|his|their)? (personal)? (data|information|info) (we|you) (hold|have|keep|store)',
        '(send|give|email) (me|us|her|him|them) (everything|all the data|all the information) (you|we) (have|hold|keep) (on file)? (about|on)',
        '(see|get|receive|have|obtain|view|access) (everything|all|all the data|all the information|anything|all the info) (you|your company|you guys|yall) (have|have got)? (stored|kept|collected|hold|have|gathered|saved|recorded|store|keep) (about|on) (me|us)',
        '(que|cuales) (datos|informacion) (personales)? (tienen|guardan|almacenan|tienen guardados|han guardado|tiene) (sobre|de) (mi|nosotros)',
        'what (personal)? (information|data|info|records|details) _{0,3} (has|have|holds|hold|stores|store|keeps|keep|collected|stored|keeping|storing|collects|collecting|tiene|tienen) _{0,2} (about|on|de|sobre) (me|us|my|our|mi|mis)',
        '(see|know|tell me|show me) what (you|your company|you guys|yall) (know|have|keep|store|hold|collect) (about|on) (me|us)',
        '(send|give|email|show|provide) (me|us)? (with)? (everything|anything|whatever|all the info|all the information|all the data) (you|your company|you guys|yall) (have stored|stored|have kept|have collected|have|have got|ve got|got|hold|store|keep|collected|have collected) (on|about) (me|us)',
        '(copy|copies|list|report|export) of (everything|all|anything|whatever) (you have|you have got|you got|you hold|you store|you keep|you collected|you have collected|youve collected) (on|about) (me|us)',
        '(what|how) (do|does|will) (you|your company|y all|yall) (do|use) _{0,2} (my|our) (data|information|info|personal data|personal information)',
        '(like|want|wants|wanted|need|needs|requesting|requests|asked for|asking for|asks for) (all)? (of)? (my|our|his|her|their|the)? (personal)? (account|acct|acount|accnt|data|information|info|profile|personal data|records|details) (permanently|completely|fully)? (deleted|erased|removed|wiped|purged)',
        '(all|any|every bit of) (of)? (my|his|her|their|the)? (personal)? (data|information|info|records) (permanently|completely|fully)? (deleted|erased|wiped|purged)',
        '(provide|give|send|share|email) (me)? (with)? (all|any|a copy of all|a copy of|copies of|a list of|a list of all|list of all|all of the|a report of|a report of all)? (the)? (records|data|information|info|personal data|personal information) (you have|you hold|you keep|you ve collected|you collected|on file|you store) (about|on|for)? (me|us)?',
        '(copia|copias|acceso|lista|reporte) (de|a)? (todos|todas)? (mis|los|nuestros) (datos|informacion)',
        '(ccpa|gdpr|dsar|data subject|subject access|right to know|right to access|data access request|access request|data request|privacy request|solicitud de privacidad)',
      ],
    },
  ],
};

const externalReviewPlatforms =
  '(google|yelp|bbb|better business bureau|trustpilot|trust pilot|consumer affairs|consumeraffairs|angi|facebook|tiktok|instagram|twitter|reddit|app store|play store|google play|youtube|nextdoor)';

export const reviewEditRequest: TTriggerDefinitionInput = {
  code: 'REVIEW_EDIT_REQUEST',
  detectorId: 'text.review-edit-request',
  description: 'Asks to edit a review published on our own platform (CARE-R1…R5).',
  guards: [
    policyStatement,
    {
      scope: 'sentence',
      anyOf: [
        '(thanks|thank you|thx) (so much)? for (removing|deleting|taking down|editing|updating|changing|fixing)',
        '(i|we) (already|just)? (deleted|removed|took down|edited|updated|changed|fixed|retracted) (it|my|the|that)',
      ],
    },
    {
      scope: 'sentence',
      anyOf: [
        externalReviewPlatforms,
        'review (my|the|your|our) (account|case|file|claim|charges|billing|order|options|request|policy|contract)',
      ],
    },
  ],
  cues: [
    {
      id: 'edit-review',
      patterns: [
        '(tweak|tweaking|edit|editing|change|changing|update|updating|fix|fixing|correct|correcting|modify|modifying|revise|revising|amend|amending|adjust|adjusting|reword|rewrite|rewriting|raise|raising|bump up|bump|improve|soften|softening|tone down|toning down|editar|cambiar|corregir) _{0,4} (my|the|a|this|that|her|his|their|our|mi|la|el)? _{0,3} (@review-word)',
        '(@review-word) (edit|edits|change|update|correction|revision)',
        '(want|wants|wanted|need|needs|like|requesting|requests) (the|my|her|his|their|a)? (@review-word) (edited|changed|updated|corrected|reworded|fixed)',
        '(edit|change|update) (the)? (star rating|stars|rating) (i|we)? (gave|left)',
        '(like|want|need|wants|needs) (the|my|this|that) (@review-word) _{0,6} (edited|changed|updated|corrected|fixed|reworded|amended)',
        '(fix|correct|change|update|edit) (the)? (spelling|typo|typos|name|names|date|dates|details|wording|grammar) _{0,6} (@review-word)',
      ],
    },
    {
      id: 'edit-it',
      patterns: [
        '(want|need|like|get|have) (it|that|this|them)? (edited|changed|updated|corrected|reworded)',
        '(edit|change|fix|update|reword|correct|rewrite|tweak) (a couple of|a couple|a few|some|one|two|the last|the first|a|one of the) (sentences|sentence|lines|line|words|word|parts|part|details|things|paragraph)',
        '(can|could|may|would|will) (i|we|you|u|ya|someone|somebody|anyone|you guys|your team) (please|pls|plz)? (help me|help us)? (fix|edit|change|update|correct|modify|reword|soften|tone down|adjust|amend|bump|raise|up) (it|that|this|them)',
        '(help me|help us|let me|allow me to) (fix|edit|change|update|correct|modify|reword|soften|tone down|adjust|amend) (it|that|this|them|the|my)',
        '(please|pls|plz|kindly) (fix|edit|change|update|correct|modify|reword|amend|adjust|soften) (it|that|this|them)',
        '(that|this|the) (part|line|sentence|bit|paragraph) (of)? (the|my)? (@review-word) (corrected|edited|changed|fixed|updated|reworded)',
        '(add|adding|append|include) (a|one|another)? (line|sentence|note|comment|update|paragraph|few words) (to) (the|my) (@review-word)',
        '(could|can|would) (just)? (that|this|the) (part|line|sentence|bit|detail|word|words|mention|street|address) (be)? (taken out|removed|deleted|edited|changed|cut)',
        '(like|want|wanted|wants|need|needs|needed) to (edit|change|update|fix|correct|modify|reword|amend|revise) (it|that|this|them)',
        '(quiero|necesito|puedo|pueden|podrian) (editarla|cambiarla|corregirla|editarlo|cambiarlo|corregirlo)',
      ],
      requires: [{ scope: 'message', anyOf: ['(@review-word)'] }],
    },
    {
      id: 'edit-what-i-wrote',
      patterns: [
        '(edit|change|update|fix|correct|modify|reword|rewrite|amend|revise|soften|tone down) (what|something|the part|some of what|the things|the stuff|the comment|the comments) (i|we) (wrote|said|posted|left|put (up)?) (about|on|for|regarding) (my|the|our|a|her|his|their)? _{0,2} (@care-provider|profile|page|her|him|them)',
      ],
    },
  ],
};

export const reviewRemovalRequest: TTriggerDefinitionInput = {
  code: 'REVIEW_REMOVAL_REQUEST',
  detectorId: 'text.review-removal-request',
  description: 'Asks to remove a review published on our own platform (CARE-R1, CARE-R6).',
  guards: [
    { scope: 'sentence', anyOf: ['not (deleted|removed|taken down)'] },
    policyStatement,
    { scope: 'clause', anyOf: [externalReviewPlatforms] },
    {
      scope: 'sentence',
      anyOf: [
        '(thanks|thank you|thx) (so much)? for (removing|deleting|taking down|editing|updating|changing|fixing)',
        '(i|we) (already|just)? (deleted|removed|took down|edited|updated|changed|fixed|retracted) (it|my|the|that)',
      ],
    },
  ],
  cues: [
    {
      id: 'remove-review',
      patterns: [
        '(borren|eliminen|quiten|borre|elimine|quite|eliminate|eliminating|eliminated|remove|removing|removed|delete|deleting|deleted|take down|taking down|taken down|take _ down|pull down|pull|withdraw|withdrawing|retract|retracting|get rid of|erase|hide|unpublish|eliminar|borrar|quitar) _{0,2} (my|the|a|this|that|her|his|their|our|these|those|mi|la|el|esa|esta)? _{0,2} (@review-word)',
        '(@review-word) _{0,9} (removed|deleted|taken down|pulled|retracted|removal|deletion|eliminada|borrada)',
        '(remove|delete|take down) (it|that|this) _{0,6} (review|reviews)',
        '(removal|deletion|takedown|take down|retraction) (of|for) (my|the|a|this|that|her|his|their|our)? _{0,2} (@review-word)',
        '(take|pull|get) (my|the|this|that|her|his|their|these|those)? _{0,2} (@review-word) (down|off|offline)',
      ],
    },
    {
      id: 'remove-it',
      patterns: [
        '(want|need|like|get|have) (it|that|this|them)? (removed|deleted|taken down|taken off|pulled|gone)',
        '(asking|ask|like|want|need|request|requesting) (for)? (it|that|this|them) to be (removed|deleted|taken down|taken off|pulled)',
        '(get|take|pull) (it|that|this|them) (off|down) (of)? (his|her|my|their|the) (profile|page)',
        '(like|want|need) (the|my|this|that) (@review-word) _{0,6} (withdrawn|retracted|pulled|deleted|removed|taken down) (entirely|completely|altogether)?',
        '(want|need|like|get|have) (my|the|this|that|her|his|their) (@review-word) _{0,4} (gone|removed|deleted|taken down|pulled|off)',
        '(just|then|or|otherwise) (remove|delete|take down|pull) (it|that|this|them)',
        '(like|want|wanted|wants|need|needs|needed) to (remove|delete|take down|withdraw|retract) (it|that|this|them)',
        '(please|pls|plz|can you|could you|would you) (remove|delete|take down) (it|that|this|them)',
        '(please|pls|plz|can you|could you|would you|want you to|need you to) (take|pull|get) (it|that|this|them) (down|off)',
        '(can|could|will|would) (it|this|that|they) (please)? be (removed|deleted|taken down|pulled)',
        '(needs to|has to|should|must) (come down|be removed|be deleted|be taken down)',
        '(quiero|necesito|puedo|pueden|podrian) (borrarla|eliminarla|quitarla|borrarlo|eliminarlo|quitarlo)',
      ],
      requires: [{ scope: 'message', anyOf: ['(@review-word)'] }],
      guards: [
        {
          scope: 'message',
          anyOf: [
            '(review|reviews) (about me)? (on|to) (google|yelp|facebook|trustpilot|bbb|nextdoor|tiktok|instagram|reddit)',
          ],
        },
      ],
    },
  ],
};
