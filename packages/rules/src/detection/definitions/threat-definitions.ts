import type { TTriggerDefinitionInput } from '../definition-schema.js';
import { threatGuards } from './shared-vocabulary.js';

export const legalThreat: TTriggerDefinitionInput = {
  code: 'LEGAL_THREAT',
  detectorId: 'text.legal-threat',
  description: 'Threatens (or has started) legal action, a lawsuit or involving an attorney (CIN-2, TON-6).',
  blockedInQuestions: true,
  guards: [...threatGuards],
  cues: [
    {
      id: 'sue',
      patterns: [
        '(will|gonna|going to|to|would|shall|might|may|could|and|i|we|ill|literally|definitely|seriously|happy to|ready to|intend to|plan to|planning to|prepared to|about to) sue',
        'sue (you|your|u|ya|yall|them|the company|this company|cinch|for)',
        '(suing|suein|sueing) (you|your|u|them|the company|this company|for)?',
        '(get|getting|be|being) sued',
        '(you|you will|you ll|youll|you are|you re|you will be|expect to be) (be|get|getting|being)? served',
        '(demandar|demandarlos|demandarles|demandare|demandaremos|demanda)',
      ],
      guards: [
        {
          scope: 'overlap',
          anyOf: [
            '(talk|talked|talking|speak|spoke|spoken|speaking|transfer|transferred|send|sent|give|gave|forward|pass|email|emailed|message|ask|asked|tell|told|thanks|thank|hi|hello|hey|dear|named|agent|rep|called|call|get|put) (to|with|you|me|back to|over to)? sue',
            'sue (from|in|at|said|told|was|helped|is|says|mentioned|who|earlier|yesterday|has|had)',
            '^ sue and',
            '(nobody|no one|noone|nadie) (is|s|was|will|will be|wants to|want to|here is|here s)? (suing|sue|going to sue|gonna sue)',
          ],
        },
      ],
    },
    {
      id: 'legal-action',
      guards: [
        {
          scope: 'overlap',
          anyOf: [
            '(lawsuit|lawsuits|class action|litigation) (against|with|versus|vs) (your|a|another|other|some)? (competitor|competitors|company|companies|brand|brands)',
            '(class action|lawsuit|legal) (settlement|settlements|notice|notices|claim form|claim forms|ad|ads|advertisement|advertisements)',
          ],
        },
      ],
      patterns: [
        '(lawsuit|lawsuits|~litigation|litigate|class action|legal action|legal actions|legal proceedings|legal steps|legal measures|legal route|legal recourse|accion legal|acciones legales)',
        '(take|taking|took|bring|drag|dragging|see|pursue|pursuing|fight|fighting|settle|settling|handle|handling) _{0,2} (to|in) (court|small claims|tribunal)',
        'small claims (court)?',
        '(see you in|file for|filing for|filed for|demand|demanding|initiate|initiating|start|starting|go to|going to) arbitration',
        '(take|taking) (this|it|you) to arbitration',
        '(file|filing|filed|open|opening|opened) (a|an)? (suit|claim in court|complaint with the attorney general|court case|legal claim)',
        '(seek|seeking|pursue|pursuing|exhaust|exhausting|explore|exploring|use|using) _{0,3} (legal remedy|legal remedies|legal options|remedies available|remedy available|every remedy|all remedies|legal means)',
        'breach of (the|your|our|this|my)? _{0,1} (contract|warranty|agreement)',
        '(commence|commencing|initiate|initiating|institute|instituting|begin|file) (legal)? (proceedings|litigation|an action)',
        '(filed|file|filing|lodged) (a)? (complaint|case|petition) (in|with|before) (the)? (consumer court|consumer forum|court|tribunal|district court)',
        '(@lawyer|practices law|law) _{0,4} (drafting|drafted|preparing|prepared|writing|sending) (the|a)? (demand letter|letter|complaint|lawsuit|papers)',
        '(or|otherwise) (my|our) (@lawyer) (files|will file|is filing|sues|will sue|takes over)',
        '(my|our) (@lawyer) (and|&) _{0,6} (have|has|got) (copies|a copy|everything|the emails|all of this|the documents)',
        '(through|via|using|by) (the|all)? (proper|appropriate|available|necessary)? (legal channels|legal means|legal avenues|legal options|legal remedies)',
        '(next|following) (letter|email|call|contact|correspondence|message) (will|is going to|is gonna) (come|be) from (my|our|a) (@lawyer|legal team|law firm)',
        '(@lawyer) (files|will file|is filing|will be filing|files a) (suit|a suit|a lawsuit|a complaint|papers|a claim)',
        '(expect|plan|intend|prepared|ready|going|about) to (file|sue) (suit|shortly|soon|a complaint|a claim|a lawsuit|in court|without further notice)?',
        '(will|shall|are going to|gonna|we ll|we will) (be)? filing (suit|unless|if|against|soon|shortly|a lawsuit|a suit|in court|a claim in court)',
        '(a|an|my|our) (personal injury|injury|consumer|litigation|trial)? (@lawyer|law firm) (is|are|has been|have been) (reviewing|looking into|looking at|handling|going over|preparing|drafting|building) (my|our|the|this) (case|claim|file|situation|paperwork|complaint)',
        '(file|filing|filed|bring|bringing) _{0,4} (in|with|at|before) (the)? (superior|district|county|civil|circuit|federal|municipal|magistrate|small claims|state) (court)',
        '(@lawyer|legal|court|small claims|my lawyer|my attorney) (s|is|are)? (next|up next) $',
        '(next|my next) (step|stop|move|call) (is|will be|s)? (my|a|an|the)? (@lawyer|legal|court|small claims|a lawsuit|lawsuit)',
        '(go|going|get|getting|got) legal',
        '(attorney general|ftc|federal trade commission|consumer protection (agency|bureau|office)?|cfpb)',
        '(pursue|pursuing|seek|seeking) (legal|damages)',
        '(seek|seeking|pursue|pursuing|claim|claiming|recover|recovering) (statutory|punitive|compensatory|treble|actual)? (damages)',
        'in (federal|state|district|county|superior|civil|small claims|municipal) court',
        '(defend|protect|assert|enforce|exercise|fight for) (my|our) (rights|legal rights) (in court|legally|through the courts)?',
        '(what|let) (a|the) judge (thinks|says|decides|has to say|think|say|decide)',
        '(tell it to|explain (it|this|that) to|in front of) (a|the) judge',
      ],
    },
    {
      id: 'own-lawyer',
      patterns: [
        '(reach out to|reaching out to|reached out to|looking for|find|finding|found|talking with|speaking with|consult with|meeting with|meet with|seeing|call|calling|contact|contacting|contacted|get|getting|got|hire|hiring|hired|involve|involving|involved|consult|consulting|consulted|retain|retaining|retained|speak to|speaking to|spoke to|talk to|talking to|talked to|forward|forwarding|forwarded|send|sending|sent|have|having|lawyer up|in touch with|been in touch with|spoken with|spoken to|consulted with|llamar|llamando|contactar|hablar con|hablando con) _{0,2} (my|an|a|our|the|his|her|their|mi|un|a un|the family)? (personal injury|injury|consumer|consumer protection|class action|real estate|contract|litigation|trial)? (@lawyer|legal team|legal counsel|law firm)',
        '(my|our|mi) (@lawyer|legal team|law firm|legal counsel|legal department) (will|would|shall|gonna|going|va|sera|already) _{0,3} (contact|contacting|call|calling|reach|reaching|in touch|send|sending|sent|file|filing|filed|sue|suing|handle|handling|deal|dealing|hear|hearing|take|taking|look|looking|review|reviewing|pursue|pursuing|draft|drafting|drafted|know|knows|aware|involved|advised|notified|demandar|llamar|contactar|comunicar|escribir|$)',
        '(my|our|mi) (@lawyer|legal team|law firm) (is|are|has been|have been) (involved|aware|handling this|looking into this|looking into it|reviewing this|reviewing it|on it|cc|ccd|copied|cc would|in the loop|preparing|drafting)',
        '(lawyer up|lawyering up|lawyered up|lawyer ing up)',
        '(send|sending|sent|mail|mailing|mailed|draft|drafting) (you|u)? (a|an|my|our)? (demand letter|cease and desist|notice of intent to sue|notice of intent)',
        '(do not|dont|would rather not|rather not) (want to)? (have to)? (involve|get|call|contact|hire|use) _{0,2} (lawyers|lawyer|attorney|attorneys|legal) _{0,3} but (i|we) (will|would|am|can|could)',
        '(@lawyer) (will|is going to|gonna) (be)? (contact|contacting|calling|call|reaching|reach|in touch|hearing|hear)',
        '(mi|nuestro|nuestra) (abogado|abogada|abogados) (se)? (va|van|ira|iran) (a)? (comunicar|llamar|contactar|demandar|escribir)',
        '(mi|nuestro|nuestra) (abogado|abogada|abogados) (ya)? (tiene|tienen|esta|estan|revisa|revisando|prepara|preparando|preparo) _{0,2} (documentos|papeles|caso|demanda|todo|pruebas)',
        '(@lawyer) (already|has already|has)? (drafted|filed|sent|prepared|started|is drafting|is preparing) _{0,2} (complaint|suit|lawsuit|letter|claim|papers|paperwork)',
        '(contact|contacting|contacted|call|calling|hire|hiring|hired|consult|consulting|retain|retaining|get|getting) (a|an|my|the) _{1,3} (@lawyer)',
        '(documenting|document|keeping records|keep records|saving everything|saving receipts|gathering evidence|collecting evidence|building a case) _{0,3} (for) (court|my lawyer|my attorney|the lawsuit|a lawsuit|legal action|small claims)',
        '(hear|hearing) from (my|our) (@lawyer|legal team|legal department|legal counsel|law firm|attorneys|lawyers)',
        '(counsel|my lawyer|my attorney|my lawyers|legal|attorney|lawyer|attorneys|lawyers|my legal team) (has been|have been|was|were|is being|are being) (notified|contacted|informed|called|retained|engaged|involved|briefed)',
        '(my|our) (@lawyer|legal team|legal counsel) (has|have) (already)? been (briefed|notified|contacted|retained|engaged|instructed|informed|told|looped in|brought in)',
        '(my|our) (@lawyer|legal team) (has|have) _{0,3} (paperwork|papers|documents|case|complaint|letter|filing|everything) (ready|prepared|drafted|lined up)',
        '(go|going|went|headed|heading) (to)? (the)? (courthouse|court house|clerk of court) _{0,3} (to)? (file)?',
        '(face|facing|risk|risking) (a|an)? _{0,2} (suit|lawsuit|legal action|litigation|court case)',
        '(legal|legal team|legal department|my legal team|our legal team|legal counsel) (will be in touch|will contact|will be contacting|will reach out|will follow up|will be reaching out|is involved|has been involved)',
        '(my|our|mi) (@lawyer) _{0,8} (will|is going to|gonna|va a) (be)? (call|calling|contact|contacting|reach|reaching|in touch|send|sending|file|filing|sue|suing|llamar|contactar)',
        '(my|our|mi) (@lawyer) (is|are) (drafting|preparing|writing|sending|filing)',
        '(my|our|mi) (@lawyer) (is|are|will be|has been) (reviewing|looking at|looking into|going over) (this|it|everything|all of this|the case|my case|the situation|your|our|the contract|the terms|the invoices|the charges)',
        '(my|our|mi) (@lawyer) (says|said|thinks|believes|told me|told us|agrees|confirmed|advised) _{0,6} (case|grounds|claim|suit|lawsuit|sue|court|liable|liability|negligence|negligent)',
        '(threaten|threatens|threatened|threatening|threat of|threats of) _{0,2} (@lawyer|legal|court|suit|lawsuit|litigation)',
      ],
      guards: [
        { scope: 'overlap', anyOf: ['power of (~attorney)', 'district attorney', 'i am (a|an) (~attorney|~lawyer)'] },
        {
          scope: 'overlap',
          anyOf: [
            '(calling|writing|emailing|phoning) (for|from|on behalf of) (the|a|an|our)? _{0,1} (~attorney|~lawyer|counsel|firm|law office|lawyer office|law firm)',
          ],
        },
        {
          scope: 'overlap',
          anyOf: [
            '(call|calls|email|emails|letter|letters|voicemail|message|messages|contact|notice|fax) from (a|an|the|some) _{0,2} (@lawyer|law firm|law office|paralegal)',
          ],
        },
      ],
    },
  ],
};

export const lawyerContact: TTriggerDefinitionInput = {
  code: 'LAWYER_CONTACT',
  detectorId: 'text.lawyer-contact',
  description: 'A lawyer, law firm or paralegal is the one contacting us, for a client or about spam (LL-1, LL-7).',
  guards: [
    {
      scope: 'overlap',
      anyOf: [
        'power of (~attorney)',
        '(my|mi) (@lawyer|paralegal|law firm)',
        '(will|going to|gonna|could|may|might) (have|get) (my|our) (~attorney|~lawyer)',
      ],
    },
  ],
  cues: [
    {
      id: 'introduces-self',
      patterns: [
        '(law office|law offices|law firm|law group|legal group|legal services) of',
        '(this is|calling from|writing from|with) _{0,3} (legal|law|law group|legal group|law office) (on behalf of|representing|for|regarding|calling|writing|about)',
        '^ (@lawyer|paralegal) _{0,3} (for|representing|on behalf of|with|from|at)',
        '(this is|i am|we are|soy|somos) _{0,4} (an|a|the|un|una)? (@lawyer|paralegal|paralegals|legal assistant|law firm|law office|law offices|attorneys at law|esq)',
        '(@lawyer|paralegal|law firm|law office|law offices|legal department) (representing|for|on behalf of|retained by|writing on behalf|writing for|calling on behalf|calling for)',
        '(the|our|a) (firm|law firm|office|law office) (representing|that represents|retained by|acting for)',
        '(we|i|our firm|our office|this firm|this office|the firm|my firm|this law firm|our law firm) (represent|represents|are representing|am representing|is representing|have been retained|has been retained)',
        '(our|my) (client|clients) _{0,3} (mr|mrs|ms|who|whom|is|has|have|was|purchased|received|alleges|claims)',
        'on behalf of (our|my) client',
        '(@lawyer|paralegal) here',
        '(identified|introduced) (himself|herself|themselves|themself) as (a|an|the)? (counsel|@lawyer|paralegal)',
        '(counsel) (for|representing) (a|the|our|my|your) (customer|client|member|homeowner|cx|mbr)',
        '(our|my|this) (firm|law firm|law office|office) (keeps|has been|is|have been) (receiving|getting)',
        'do not call (registry|list)',
        '(voicemail|vm|email|letter|call|message|fax) _{0,4} from (a|an|the) (law firm|law office|attorney s office|lawyers office|legal office|attorney|lawyer)',
        '^ (attorney|lawyer|counsel|paralegal) _{0,3} (emailed|called|wrote|phoned|left|sent|reached out)',
        '(email|letter|call|fax|message|notice|voicemail) from _{0,3} (legal|law|law group|law office|law firm|attorneys|llp|llc|esq) (on behalf of|representing|for|regarding)',
        '(le escribe|le saluda|escribe|le habla|habla|soy|somos) (el|la)? (licenciado|licenciada|abogado|abogada|lic|bufete|despacho)',
        '(abogado|abogada|licenciado|licenciada|bufete|despacho) (de|del|de la) (senor|senora|sr|sra|mi cliente|nuestro cliente|la familia|cliente)',
        'en (representacion|nombre) de (mi|nuestro|nuestra) (cliente|clienta|representado|representada)',
        '(tcpa (violation|claim|demand)|notice of representation|letter of representation)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(family|families|homeowner|homeowners|estate|reimbursement|court|senor|senora|sr|sra|en relacion|en nombre|representacion|mr|mrs|ms|mx|client|clients|cliente|clientes|represento|representamos|behalf|represent|represents|representing|represented|retained|firm|office|offices|spam|tcpa|robocall|robocalls|texts|demand|letter|notice|cease|regarding|re|matter|esq)',
          ],
        },
      ],
    },
    {
      id: 'calls-in',
      patterns: [
        '(@lawyer|paralegal|law firm|law office|legal assistant|legal secretary|law clerk) (from|at|with) _{0,4} (called|calling|requesting|requested|asking|asked|emailed|writing|wrote|left|on the line|regarding|re|about|demanding|sent)',
        '(@lawyer|paralegal|law firm|law office|legal office|someone from a law firm) (called|calling|phoned|rang|emailed|wrote|reached out|is on the line|on the line|on line|left a (voicemail|vm|message)|contacted us|sent (a|us) (letter|email|notice)|requesting|requested|asking|asked)',
        '(call|calls|phone call|robocall|robocalls|spam calls|texts|voicemail|voicemails|vm|email|emails|letter|letters|inquiry|message|messages) from (a|an|the|some|cx s|customer s|customers|his|her|their)? _{0,2} (@lawyer|paralegal|law firm|law office)',
        '(@lawyer|paralegal) (s)? office (called|calling|emailed|reached out|contacted)',
        '(@lawyer|paralegal|law firm|law office) (for|representing|on behalf of) _{1,4} (called|calling|phoned|emailed|wrote|reached out|left a (voicemail|vm|message)|asking|asked|requesting|requested)',
        '(cx|customer|mbr|member|caller|client) s? (@lawyer|paralegal|law firm) (called|calling|phoned|emailed|reached|contacted|is on|on the line|sent)',
      ],
    },
  ],
};

export const mediaThreat: TTriggerDefinitionInput = {
  code: 'MEDIA_THREAT',
  detectorId: 'text.media-threat',
  description: 'Threatens to take the story to news media (CIN-2).',
  blockedInQuestions: true,
  guards: [
    ...threatGuards,
    {
      scope: 'overlap',
      anyOf: ['social media', '(saw|seen|heard|read|watched) _{0,3} (on|in) (the)? (local)? (news|tv|paper|newspaper)'],
    },
    {
      scope: 'sentence',
      anyOf: [
        '(i am|i m) (a|an) (freelance|investigative|staff|local|news|business|consumer|tv)? (journalist|reporter|producer|editor|news anchor|anchor)',
        'school (paper|newspaper|project|assignment|report|news)',
        '(i|we) (work|write|freelance|report|worked|wrote) (for|at) _{0,3} (news|newspaper|station|paper|press|tv|magazine|outlet|journalist|reporter)',
      ],
    },
  ],
  cues: [
    {
      id: 'go-to-news',
      patterns: [
        '(local tv|tv news|the local tv|local television|washington post|new york times|ny times|wall street journal|usa today|the post|the times|the tribune|the herald|the chronicle|the globe|cnn|nbc|abc|cbs|fox news|npr|60 minutes|dateline|inside edition|local paper|the paper|the papers|news|newspaper|newspapers|reporter|reporters|journalist|journalists|news station|news stations|news channel|tv station|tv stations|the press|media outlets|media outlet|the media|local media|news media|news outlet|news outlets|investigative team|consumer reporter|daily mail|the sun|the guardian|the mirror|abc news|nine news|seven news|investigative desk|news desk|city desk|metro desk|consumer watchdog|watchdog show|watchdog shows|tv consumer|consumer show|news segment|news segments|news on your side|# on your side|consumer on your side|noticias|las noticias|noticiero|periodico|periodista|prensa|television|univision|telemundo|6 o clock news|11 o clock news|evening news|nightly news|local news|channel #|channel (two|four|five|seven|nine|eleven|thirteen))',
      ],
      requires: [
        {
          scope: 'clause',
          anyOf: [
            '(coming round|coming over|coming by|coming to my house|coming out|visiting|meeting|forward|forwarding|explain|explaining|answer to|in touch|been in touch|spoke|spoken|talked|talking|see|seeing|watch|watching|be on|end up on|ending up on|make the|making the|air|airing|help|helps|cover|covers|covering|run|write|writes|writing|publish|publishes|publishing|feature|featuring|interview|interviewing|investigate|investigating|looking into|doing a (story|piece|segment)|threaten|threatens|threatened|threatening|threat|threats|loves|story|find|interested|interesting|like|would|go|going|went|gone|goes|contact|contacting|contacted|call|calling|called|reach out|reaching out|reached out|tell|telling|told|talk|talking|send|sending|sent|email|emailing|emailed|tip|tipping|alert|alerting|get|getting|involve|involving|take|taking|bring|bringing|share|sharing|expose|exposing|story|hear|love|ir|llamar|contactar|voy)',
          ],
        },
      ],
      guards: [
        {
          scope: 'overlap',
          anyOf: [
            '(good|bad|great|some|any|sad|wonderful|latest|best|terrible|no|fantastic|exciting) news',
            '(saw|seen|heard|read|watched|watching|reading|caught) (a|an|the|your|that|this)? (news|newspaper|tv) (story|article|report|segment|piece|clip|feature|ad)',
            'news (about|on|regarding|for|from) (my|the|your|our) (claim|order|case|refund|ticket|account|delivery|appointment|request)',
            'press (#|the|a|any|enter|pound|star|one|two|zero|send)',
            '(the|local)? news (said|says|reported|reports|is saying|was saying|predicted|predicts|forecast)',
            '(the|local)? news (ran|aired|did|had|covered|showed) (a|an|the)? (story|segment|piece|report)',
            '(came|come|coming) to (film|cover|shoot|record) (the|our|my)? _{0,3} (for a feature|feature|for fun|it was fun)',
            '(mentioned|saw|read|heard|watched|shared|sent me|forwarded me) (a|an|the|this|that) news (story|article|report|segment|piece|item)',
          ],
        },
      ],
    },
    {
      id: 'everyone-will-hear',
      patterns: [
        '(a lot of people|lots of people|everyone|everybody|the whole town|the whole city|the world|thousands of people|people) (are|is)? (going to|gonna|will|about to) (hear|know|see|find out|learn)',
      ],
      requires: [
        {
          scope: 'sentence',
          anyOf: [
            '(news|reporter|reporters|journalist|investigative|tv|newspaper|press|channel #|action #|station|media)',
          ],
        },
      ],
      guards: [{ scope: 'sentence', anyOf: ['social media'] }],
    },
    {
      id: 'press-has-copies',
      patterns: [
        '(a|the|my) (reporter|journalist|producer) (from|at|with) (the)? _{0,2} (and|&)? _{0,4} (have|has|got) (copies|a copy|everything|the emails|all of this)',
        '(reporter|journalist) (from|at) (the)? _{0,2} (both|also|already) (have|has) (copies|a copy|everything)',
      ],
    },
    {
      id: 'knows-the-press',
      patterns: [
        '(have|got|still have) (friends|contacts|a friend|people|connections) (at|in|on) (the)? _{0,2} (paper|newspaper|news|station|tv|press|times|post|tribune|herald|chronicle|gazette)',
        '(i|we) (know|knows) (someone|somebody|a guy|a woman|a reporter|a journalist|people|a producer|an anchor|an editor) (on|at|from|who works at|who works for|who works on) (the)? _{0,3} (show|morning show|news|station|paper|newspaper|channel|tv|radio)',
        '(my|our|a) (cousin|friend|best friend|sister|brother|neighbor|neighbour|uncle|aunt|buddy|wife|husband|son|daughter|dad|mom|father|mother|brother in law|sister in law|son in law|daughter in law|niece|nephew) (works|worked|writes|is|s|happens to be|produces|produced|hosts|anchors|reports for|edits) (at|for|a|an|the)? (the)? _{0,2} (evening news|morning news|news|local tv|tv station|news station|news channel|newspaper|paper|the post|post|times|tribune|herald|chronicle|globe|gazette|journal|cnn|nbc|abc|cbs|fox news|npr|reporter|journalist|news producer|news anchor|consumer reporter|investigative reporter|editor)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(segment|do a segment|a story|forward|forwarding|send|sending|show|showing|love|loves|interested|story|stories|hear about|hear this|cover|covering|write about|writing about|air|tell|telling|call|calling|share|sharing|expose|run with|would)',
          ],
        },
      ],
    },
  ],
};

export const reviewThreat: TTriggerDefinitionInput = {
  code: 'REVIEW_THREAT',
  detectorId: 'text.review-threat',
  description:
    'Threatens (or has posted) a bad review or complaint on an external platform: Google, BBB, Yelp, Trustpilot, ConsumerAffairs, Angi, app stores, social media (LL-1, CIN-2).',
  blockedInQuestions: true,
  guards: [
    ...threatGuards,
    { scope: 'sentence', anyOf: ['(posted|left|wrote|put up) (a|an)? _{0,2} (review|reviews) (about|of|on) (me|my)'] },
    {
      scope: 'clause',
      anyOf: [
        '(5|five|great|good|positive|glowing|amazing|excellent|awesome|nice|stellar|wonderful|fantastic|4|four|perfect|raving|rave|shining) (star|stars|review|reviews|rating|feedback)',
        'on (your|the|this|their) (site|app|platform|website|page) (about|for) (the|my|our|a)? (provider|caregiver|sitter|nanny|tutor|babysitter|housekeeper|walker)',
        '(give|giving|leave|leaving) (this|the|my|our|that|her|him) (sitter|caregiver|provider|nanny|tutor|babysitter|housekeeper|dog walker|pet sitter|walker|aide) (a|one|1|two|2|zero|0)? (star|stars|review|rating)',
        '(on here|on this site|on your site|on her profile|on his profile|profile here|page here)',
        'on (the|her|his|their|my)? (care|caregiver|sitter|nanny|provider|tutor|babysitter|aide|helper) s? (profile|page)',
        '(good|great|positive|glowing|5 star|five star|nice) _{0,1} (review|reviews|rating)',
        '(review|rate|rating) (the|my|our|a|this|that) (provider|caregiver|sitter|nanny|tutor|babysitter|housekeeper|dog walker|pet sitter)',
        '(trust & safety|trust and safety)',
      ],
    },
    {
      scope: 'sentence',
      anyOf: ['(edit|change|update|fix|correct|modify) (my|the|a|this|that) (~review|rating|stars)'],
    },
    {
      scope: 'sentence',
      anyOf: [
        '(helpful|amazing|awesome|wonderful|fantastic|grateful|thankful|professional|recommend|recommended|glowing|kudos|praise|praising|shout out|shoutout|positive so far|so far so good|the best|how great|how good|so great|great job|great service|love you|loved it|changed my life|progress pics|progress photos|progress pictures|love my|love this)',
      ],
    },
  ],
  cues: [
    {
      id: 'platform',
      patterns: ['(@review-platform)'],
      requires: [
        {
          scope: 'clause',
          anyOf: [
            '(resena|resenas|va a ser|voy a|goes on|go on|going on|put on|ends up on|end up on|tell|telling|told|so will|and so will|as will|goes up|go up|going up|gets posted|get posted|next stop|next step|next|straight to|heading to|headed to|off to|threaten|threatens|threatened|threatening|threat|threats|make|making|made|record|recording|recorded|film|filming|filmed|upload|uploading|uploaded|tweet|tweeting|tweeted|let|take|taking|took|hear|hearing|know|knows|find out|see|went|go|going|gone|post|posting|posted|write|writing|wrote|written|leave|leaving|left|file|filing|filed|report|reporting|reported|complain|complaining|complained|complaint|complaints|review|reviews|reviewing|rate|rating|share|sharing|shared|blast|blasting|blasted|put|putting|expose|exposing|exposed|warn|warning|contact|contacting|contacted|submit|submitting|submitted|lodge|lodging|lodged|open|opening|opened|plaster|plastering|go viral|star|stars|video|videos|tell everyone|let everyone know|everyone will know|publicar|queja)',
          ],
        },
      ],
      guards: [
        {
          scope: 'before',
          anyOf: [
            '(take down|taking down|remove|removing|delete|deleting|edit|editing|update|updating|change|changing|retract|retracting|pull down) _{0,4}',
          ],
        },
        {
          scope: 'clause',
          anyOf: [
            '(~review|reviews|rating|post|comment) _{0,4} (removed|deleted|taken down|edited|changed|updated|retracted)',
          ],
        },
        {
          scope: 'overlap',
          anyOf: [
            '(found|find|searched|search|googled|saw|seen) _{0,3} (you|your company|this|it|the number|the site)? (on|in|through|via) (@review-platform)',
            '(sign|signed|log|logged|login|logging) (in|on|up)? (with|through|via) (google|facebook|fb|apple)',
            '(google|apple|facebook) (login|log in|sign in|account|pay|wallet|calendar|maps|play store|store)',
            '(asked|asking|question|questions|check|checked|checking|looked up|look up|what is|whats|about) (about)? (your|the)? (bbb|google|yelp|trustpilot|angi) (rating|ratings|accreditation|accredited|score|grade|profile|page|listing)',
            'online (payment|portal|account|form|chat|booking|order|ordering|banking)',
            '(bbb|google|yelp|trustpilot|angi) (rating|ratings|accreditation|score|grade|profile|page|listing|badge|seal|logo) (on|shows|says|seems|looks|is outdated|is wrong|is missing)',
          ],
        },
      ],
    },
    {
      id: 'everyone-will-hear',
      patterns: [
        '(a lot of people|lots of people|everyone|everybody|the whole town|the whole city|the world|thousands of people|people|my followers) (are|is)? (going to|gonna|will|about to) (hear|know|see|find out|learn|read)',
      ],
      requires: [{ scope: 'sentence', anyOf: ['(@review-platform)'] }],
    },
    {
      id: 'bad-review',
      patterns: [
        '(neg|bad|negative|terrible|horrible|horrendous|scathing|awful|nasty|brutal|honest|worst|scathing|damning|poor|blistering|savage|angry|furious) (~review|reviews|rating|ratings|resena|resenas|write up|write ups|writeup|writeups)',
        '(1|one|zero|0|no|single) (star|stars) (review|reviews|rating|everywhere|across the board)?',
        'worst review',
        '(nastiest|harshest|meanest|most scathing|most brutal|angriest|worst) (possible|ever|imaginable)? (~review|reviews|rating|write up|writeup)',
        '(leave|leaving|post|posting|write|writing|put|putting) (bad|negative|terrible)? (reviews|a review|reviews about you) (everywhere|all over|on every site|anywhere|wherever)',
        '(mala|malas|negativa|negativas) (resena|resenas|calificacion)',
        '(resena|resenas|calificacion) (mala|malas|negativa|negativas)',
      ],
      guards: [
        { scope: 'before', anyOf: ['(remove|delete|edit|change|update|take down|retract) _{0,4}'] },
        {
          scope: 'message',
          anyOf: ['(by accident|by mistake|accidentally|mis tapped|mistapped|meant to give|meant (4|5|four|five))'],
        },
        {
          scope: 'sentence',
          anyOf: ['(posted|left|wrote|put up) (a|an)? _{0,2} (review|reviews) (about|of|on) (me|my)'],
        },
      ],
    },
    {
      id: 'dare-to-change-review',
      negatable: false,
      patterns: ['(do not|dont) make me (change|update|edit|lower|rewrite|redo|downgrade|revise)'],
      requires: [{ scope: 'message', anyOf: ['(~review|reviews|rating|stars|star)'] }],
    },
    {
      id: 'go-viral',
      patterns: [
        '(go|make|making) (this|it)? viral',
        '(post|posting|share|sharing|put|putting|plaster|plastering|spread|spreading) (this|it|screenshots|the screenshots|this chat|this conversation|about this|about you|about your company)? _{0,3} (everywhere|all over)',
        'everyone (is going to|will|gonna|s going to) (know|hear|find out)',
        'everyone (on|online) _{0,3} (will|is going to|gonna) (know|hear|see)',
      ],
    },
  ],
};
