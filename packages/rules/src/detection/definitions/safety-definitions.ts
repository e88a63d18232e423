import type { TScopedPatterns, TTriggerCueInput, TTriggerDefinitionInput } from '../definition-schema.js';
import { agentPolicyQuote, policyStatement, resolvedPastEvent, thirdPartyStory } from './shared-vocabulary.js';

export const medicalQuestion: TTriggerDefinitionInput = {
  code: 'MEDICAL_QUESTION',
  detectorId: 'text.medical-question',
  description: 'A medical question or objection that needs a physician or medical reviewer (LL-1, LL-6).',
  cues: [
    {
      id: 'asks-for-physician',
      patterns: [
        '(can|could|would|will|may) (a|the|your|an|one of your) (doctor|doctors|physician|physicians|nurse|nurses|pharmacist|pharmacists|medical professional|medical professionals|medical team|dietitian|dietitians) (be able to)? (answer|tell|explain|review|confirm|look|advise|help|call|speak|talk)',
        '(does|do|will|would|could) (this|it|these|that|the product|they|the formula|the bars|the shake) (have|contain|include) _{0,2} (nuts|peanuts|tree nuts|gluten|dairy|lactose|soy|shellfish|eggs|allergens|caffeine|sesame|wheat)',
        '(algun|un|una) (medico|doctor|doctora|farmaceutico|enfermera) (con quien|que pueda|que me pueda|para)',
        '(wants|wanted|needs|needed|requests|requesting|asked for|asking for|speak|talk|ask|consult|escalate|escalated|escalating|route|routed|send|sent|forward|forwarded|refer|referred|connect|transfer|question for|questions for|need|want|like|have|hablar con) _{0,3} (a|your|the|an|un|su|a real|an actual)? (dr|doc|doctor|doctors|physician|physicians|medical professional|medical team|medical staff|medical advisor|medical expert|medical person|medical people|medical department|someone medical|medical reviewer|medical review|med reviewer|med review|med team|nurse|pharmacist|dietitian|nutritionist|md|medico|doctora)',
      ],
      guards: [
        agentPolicyQuote,
        {
          scope: 'overlap',
          anyOf: [
            '(my|his|her|our|their) (own)? (doctor|physician|nurse|pharmacist|md)',
            '(doctor|doctors|physician) (note|notes|letter|appointment|visit|office|excuse)',
          ],
        },
      ],
    },
    {
      id: 'safety-question',
      patterns: [
        '(is|are|would|will|can|could|should) _{1,4} (safe|ok|okay|fine|dangerous|harmful|bad) _{0,5} (give|giving|drink|drinking|eat|eating|have|consume|chew|take|taking|use|using|while|with|during|if|for|restart|restarting|resume|resuming|go back on|continue|continuing|keep taking|start again|try again)',
        '(can|could|should|may) (i|he|she|we|my|you) _{0,3} (restart|resume|go back on|take|taking|use|using|drink|drinking|eat|eating|give|giving|combine|mix|continue|start|stop|apply|applying)',
        '(if|whether) _{0,6} (is|are|would be|will be) (safe|ok|okay|fine|dangerous|harmful) _{0,5} (to|while|with|during|for)',
        '(puedo|puede|podemos|pueden|se puede) (tomar|usar|dar|darle|consumir|beber|comer) _{0,4} (si|con|mientras|durante|estando)',
        '(puedo|puede|podemos|pueden|se puede) (seguir|continuar) (tomando|usando|consumiendo|bebiendo)',
        '(is|it is|is it) possible (to|for me to|for him to|for her to) (take|use|drink|eat|have|give)',
        '(make|makes|cause|causes|send|sends) (my|her|his|their) (levels|sugar|sugars|blood sugar|blood pressure|bp|heart rate|glucose|a1c) (drop|spike|rise|go up|go down|crash|dip|too low|too high)',
        '(interact|interacts|interaction|interactions|interfere|interferes|contraindicated|contraindication|contraindications|side effect|side effects|safe dose|dosage|overdose)',
        'es seguro',
        '(could|would|will|can|might|may) (lower|raise|affect|trigger|worsen|interfere with|cause|bring on|set off) (his|her|my|their|the)? (seizure|seizures|seizure threshold|blood pressure|heart rate|blood sugar|migraines|asthma|symptoms|condition)',
        '(does|do|will|would|can|could) _{1,5} (spike|raise|lower|affect|increase|decrease|mess with|interfere with) (my|his|her)? (blood sugar|sugar|sugars|blood pressure|heart rate|cholesterol|glucose|insulin|a1c|levels)',
        '(does|do|will|would|can|could) (this|it|the shake|the product|the supplement|the tea|the bar|the bars|the powder|these) _{0,3} (spike|raise|lower|affect|increase|decrease|mess with|interfere with) (my)? (blood sugar|blood pressure|heart rate|cholesterol|glucose|insulin|meds|medication|medications)',
        '(is|are|would|will) _{1,5} (a problem|an issue|a concern|bad for me|a risk|risky) (for me|with|if)?',
        '(asking|question|questions|ask|asked) (about)? (the)? (ingredients|ingredient|allergens) _{0,6} (allergy|allergies|allergic|intolerance|celiac)',
        '(is|are) _{1,4} (safe|okay|ok) $',
        '(good|safe|ok|okay|enough|suitable|appropriate|recommended|bad) _{0,4} (for|with) (someone|somebody|a person|people|me|my (son|daughter|kid|child|husband|wife|mom|dad)) (with|who has|who have|who is|on)',
        '(affect|affects|interfere with|interferes with|interfere w|mess with|messes with|mess w|messes w|react with|reacts with|interact with|interacts with|interact w|compatible with|safe with|ok with|okay with|counteract|counteracts|throw off|throws off) _{0,2} (my|his|her|their|the)? _{0,2} (meds|medication|medications|medicine|prescription|prescriptions|treatment|condition|pregnancy|blood sugar|blood pressure|thyroid|heart|kidneys|liver|insulin|birth control)',
      ],
      requires: [{ scope: 'message', anyOf: ['(@medical-condition)'] }],
    },
    {
      id: 'physician-asks',
      patterns: [
        '(physician|doctor|dr|md|pediatrician|cardiologist|obgyn|nurse|pharmacist|dietitian|endocrinologist|allergist) (is|has)? (requesting|requested|asking|asked|wants|needs|inquiring|inquired|would like) _{0,6} (ingredient|ingredients|dosage|dose|doses|label|labels|nutrition|formula|breakdown|composition|amounts|allergen|allergens|caffeine|sugar|iron|sodium|content|contents|vitamin|vitamins|how much)',
      ],
    },
    {
      id: 'on-medication-and-concerned',
      patterns: [
        '(i take|i am on|i m on|im on|she takes|he takes|she is on|he is on|mom is on|dad is on|has me on|have me on|put me on|takes|taking) (a|an|my|her|his|daily)? (warfarin|coumadin|eliquis|xarelto|blood thinner|blood thinners|insulin|metformin|lisinopril|beta blocker|beta blockers|ssri|ssris|antidepressant|antidepressants|statin|statins|chemo|birth control|lithium|levothyroxine|synthroid|prednisone|medication|medications|meds|prescription|prescriptions|heart medication|blood pressure medication|bp meds)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(formula|supplement|product|capsules|pills|shake|tea|gummies|vitamin|vitamins|ingredient|ingredients|caffeine|turmeric|fish oil|ginkgo|st john s wort|ashwagandha|green tea|vitamin k|collagen|pre workout|preworkout|detox|cleanse|burner)',
          ],
        },
        {
          scope: 'message',
          anyOf: [
            '(worried|concerned|not sure|unsure|noticed|safe|ok|okay|plays nice|play nice|interact|interaction|conflict|problem|issue|wondering|should i|can i|could it|could they|will it|would it|is it)',
          ],
        },
      ],
      guards: [agentPolicyQuote],
    },
    {
      id: 'physician-wants-to-know',
      patterns: [
        '(physician|doctor|dr|md|pediatrician|cardiologist|obgyn|ob|ob gyn|gyn|gynecologist|midwife|gp|primary care|pcp|nurse|pharmacist|dietitian|nutritionist|endocrinologist|allergist|oncologist|neurologist|nephrologist|gastroenterologist|dermatologist|medico|doctora) (is|has)? (wants|wanted|asked|asks|asking|would like|needs|needed|told me|said) (to know|me to ask|me to find out|me to check|me to confirm|to see|to check|to confirm|to review|if|whether)',
      ],
      guards: [agentPolicyQuote],
    },
    {
      id: 'child-or-elder-intake',
      patterns: [
        '(can|could|should|may|is it ok for|is it okay for|is it safe for|ok for|okay for|safe for) (my|our|a|your)? _{0,2} (# year old|# yr old|# yo|# years old|# month old|# months old|kid|kids|child|children|son|daughter|toddler|baby|infant|teen|teenager|grandma|grandpa|grandmother|grandfather|elderly mom|elderly dad|elderly mother|elderly father) _{0,2} (take|taking|eat|eating|drink|drinking|have|chew|swallow|tomar)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(vitamin|vitamins|gummies|gummy|supplement|supplements|capsule|capsules|pill|pills|tablet|tablets|shake|shakes|powder|tea|dose|dosage|serving|servings|probiotic|probiotics|melatonin|collagen|protein|multivitamin|multi|vitaminas|pastillas)',
          ],
        },
      ],
    },
    {
      id: 'medical-objection',
      patterns: [
        '(my|her|his|our) (doctor|physician|cardiologist|obgyn|ob|pediatrician|dermatologist|endocrinologist) (disagrees|disagreed|thinks (you|your|this|it) (are|is) wrong|says (it|this|your product|the product) (is|is not|isnt) (safe|unsafe|dangerous|harmful))',
        '(not|isnt|is not) (medically|clinically) (safe|sound|proven|approved)',
      ],
    },
  ],
};

const adverseTreatmentDenied: TScopedPatterns = {
  scope: 'sentence',
  anyOf: [
    '(not|no|never|without) (need|needed|needing|have|had|having|go|going|went|see|seeing|saw)? (to)? (go)? (to)? (the|a|an)? (er|emergency room|urgent care|hospital|doctor|physician|medical attention|medical treatment)',
    '(no|without) (medical)? (treatment|attention)',
  ],
};

export const adverseReaction: TTriggerDefinitionInput = {
  code: 'ADVERSE_REACTION',
  detectorId: 'text.adverse-reaction',
  description: 'A reaction to a consumed or applied product that led to medical treatment, up to death (LL-1, LL-9).',
  guards: [thirdPartyStory, adverseTreatmentDenied],
  cues: [
    {
      id: 'treated-after-product',
      patterns: [
        '(hospitalized|hospitalised|admitted to the hospital|admitted to hospital|admitted into|was admitted|got admitted|put in the hospital|in the icu|hospitalizado|hospitalizada|internado|internada)',
        '(termino|terminamos|termine|acabo|acabe|tuvo que ir|tuve que ir|tuvimos que ir|fue|fui|llevaron|llevamos|lo llevamos|la llevamos|me llevaron) (a|al|en)? (urgencias|emergencias|el hospital|hospital|la sala de emergencias|la clinica)',
        '(ended up|rushed|taken|went|had to go|had to take (him|her|them|me)) (to|in|at) (the|an)? (er|emergency room|hospital|urgent care|emergencias)',
        '(ended up|wound up|landed) _{0,4} (at|in) (the|an|a)? (er|emergency room|hospital|urgent care|clinic)',
        '(drove|drive|driving|took|rushed|brought|carried) (me|him|her|them|us|my (son|daughter|husband|wife|kid|child|mom|dad)) (to|into) (the|an)? (er|emergency room|hospital|urgent care|emergencias)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(made|gave|caused|causing|triggered) (me|my|him|her|them|us|his|their|our)',
            '(pastillas|capsulas|suplemento|suplementos|vitaminas|batido|polvo|crema|product|products|producto|pill|pills|capsule|capsules|supplement|supplements|vitamin|vitamins|gummy|gummies|shake|shakes|powder|cream|serum|lotion|formula|tea|tablet|tablets|protein|preworkout|pre workout|bar|bars|chews|shampoo|gel|mask|oil|drops|burner|fat burner|energy drink|meal replacement|detox|cleanse|diet pills|dose|doses|serving|servings|ointment|balm|spray|dye|hair dye|sunscreen|deodorant|toner|peel)',
          ],
        },
      ],
    },
    {
      id: 'poison-control-and-doctor',
      patterns: ['(called|calling|call|contacted|phoned) poison control'],
      requires: [
        { scope: 'message', anyOf: ['(pediatrician|doctor|er|emergency room|hospital|urgent care|clinic|ambulance)'] },
        { scope: 'message', anyOf: ['(ate|eaten|swallowed|got into|ingested|chewed|drank)'] },
      ],
    },
    {
      id: 'emergency-medication-after-product',
      patterns: [
        '(use|used|using|needed|need|give|gave|giving|administer|administered|inject|injected|had to use|reach for|grabbed) (my|his|her|their|our|an|the|a)? (epipen|epi pen|epinephrine|narcan|inhaler)',
      ],
      requires: [
        {
          scope: 'message',
          anyOf: [
            '(after|from|because of|since) _{0,2} (taking|eating|drinking|using|applying|consuming|trying|took|ate|drank|used|applied|a|one|the|your|this|these|some)',
          ],
        },
      ],
    },
    {
      id: 'death-after-product',
      patterns: [
        '(died|passed away|passed|death|dead|fallecio|murio) _{0,3} (after|from|because of|due to|caused by) _{0,3} (taking|eating|drinking|using|consuming|applying|your|the|this|these|tomar|usar)',
        '(after|since) (starting|taking|using|drinking|eating|trying) (your|the|this|these|his|her|my)? _{0,3} (supplement|supplements|product|pills|capsules|vitamins|tea|shake|gummies|powder|cleanse|detox|burner) _{0,4} (and)? (passed away|died|passed)',
      ],
    },
    {
      id: 'allergic-reaction-treated',
      patterns: ['(allergic reaction|allergic rxn|anaphylaxis|anaphylactic|anaphylactic shock|reaccion alergica)'],
      requires: [{ scope: 'message', anyOf: ['(@medical-treatment)'] }],
    },
    {
      id: 'reaction-with-treatment',
      patterns: [
        '(throat|tongue|lips|lip|face|eyes) (started|began|was|were|got)? (swell|swells|swell up|close|closes|close up|closing|closed|closed up|closing up|swelling|swelled|swelled up|swelling up|swollen|tight|tightening|puffed up|blew up)',
        '(swallowed|ingested|got into|overdosed|overdose|ate|drank) _{0,4} (pill|pills|capsule|capsules|gummies|gummy|tablets|tablet|bottle|supplement|supplements|vitamins|product|serum|cream|the rest)',
        '(skin burned|skin burning|skin was burning|burned my skin|burnt my skin|liver enzymes|elevated enzymes|abnormal bloodwork|abnormal blood work|elevated liver|rxn|rxns|liver problems|liver failure|liver issues|kidney problems|kidney failure|jaundice|heart attack|stroke|heart problems|blistered|blistering|blister|peeling|welts|broke out|breakout|hair fell out|hair loss|allergic reaction|reaction|reacted|hives|rash|rashes|swelling|swollen|swelled|vomiting|vomited|throwing up|threw up|seizure|seizures|anaphylaxis|anaphylactic|anaphylactic shock|trouble breathing|difficulty breathing|could not breathe|cant breathe|chest pain|chest pains|palpitations|heart racing|passed out|fainted|poisoning|poisoned|chemical burn|chemical burns|blisters|blistering|burning skin|died|passed away|death|dizzy|dizziness|nausea|diarrhea|migraine|sick|ill|liver damage|kidney damage|bleeding|reaccion|reaccion alergica|ronchas|sarpullido|hinchazon|hinchada|hinchado|alergia|mareos|vomito|vomitos|desmayo)',
      ],
      requires: [
        { scope: 'message', anyOf: ['(@medical-treatment)'] },
        {
          scope: 'message',
          anyOf: [
            '(took|taking|take|takes|ate|eat|eating|drank|drink|drinking|applied|apply|applying|consumed|consuming|swallowed|ingested|used (the|it|this|that|your|my|some|a)|using|gave|giving|fed|tomo|tome|tomar|tomando|use|starting|started|start|began|on the)',
            '(made|gave|caused|causing|triggered) (me|my|him|her|them|us|his|their|our)',
            '(burner|fat burner|energy drink|meal replacement|detox|cleanse|diet pills|serving|servings|ointment|balm|dye|sunscreen|deodorant|toner|peel|sip|sips|bite|bites|spoonful|scoop|scoops|chews|chew|treats|treat|kibble|food|dose|doses|pill|pills|caps|softgels|capsule|capsules|supplement|supplements|vitamin|vitamins|gummy|gummies|shake|shakes|powder|cream|serum|lotion|formula|tea|tablet|tablets|protein|pre workout|preworkout|product|bottle|mask|oil|drops|spray|shampoo|bar|bars|drink|snack)',
          ],
        },
      ],
    },
  ],
};

const hazardPatterns = [
  '(gas line uncapped|gas line left open|gas line open|uncapped gas line|gas line leaking|gas pipe leaking|gas line disconnected|gas line hissing|gas is leaking|gas was leaking|gas leaking|gas escaping|gas is escaping|gas coming out|rotten egg smell|rotten eggs smell|smells like rotten eggs|sulfur smell|sulphur smell|smells gas|smelling gas|smells of gas|smell natural gas|huele a gas|gas leak|gas leaking|leaking gas|smell gas|smell of gas|smells like gas|smelled gas|gas smell|gas odor|smell natural gas|olor a gas|fuga de gas)',
  '(carbon monoxide|co leak|co levels|co poisoning|monoxido)',
  '(smoke|smoking|smoky|flames|flame|on fire|caught fire|catching fire|fire started|electrical fire|burning smell|smells like burning|smell of burning|smells burnt|burning _ smell|burnt _ smell|burning _ odor|smells like burnt|smell of burnt|burnt plastic|burnt rubber|humo|incendio|chispas|fire in (the|my|our) _{0,2} (vent|dryer|kitchen|garage|attic|basement|wall|walls|panel|unit|furnace|oven|stove|outlet|house|home|room|bedroom|laundry room)|(house|kitchen|dryer|vent|grease|electrical|attic|garage|oven|stove) fire|there s a fire|there is a fire|a fire (in|at)|se esta quemando)',
  '(smells|smelling|smelled|smell) (like)? (it s|its|it is|something s|something is|something|smth) (burning|on fire|melting)',
  '(smoldering|smouldering)',
  '(saliendo|sale|se sale|escapando|escapa|fuga de|huele a|olor a) (el)? gas',
  '(huele|olor|oler|huelo) _{0,2} (a)? gas',
  '(gas) (valve|line|pipe|meter|fitting|connection|hose) _{0,3} (leak|leaking|leaks|hissing)',
  '(leak|leaking|leaks) (at|in|on|from|near) (the|my|our)? (gas) (valve|line|pipe|meter|fitting|connection|stove|range|hose)',
];

const alarmSounding =
  '(smoke|co|carbon monoxide|gas) (detector|detectors|alarm|alarms|monitor) _{0,5} (going off|went off|go off|goes off|keeps going off|sounding|sounded|alarming|triggered|blaring|screaming)';

const alarmWithSymptoms: TTriggerCueInput = {
  id: 'alarm-with-symptoms',
  patterns: [
    '(co|carbon monoxide|gas) (detector|detectors|alarm|alarms|monitor) _{0,5} (beeping|chirping|going off|flashing)',
  ],
  requires: [
    {
      scope: 'message',
      anyOf: [
        '(dizzy|dizziness|headache|headaches|nausea|nauseous|sick|sleepy|drowsy|vomiting|lightheaded|light headed)',
      ],
    },
  ],
};

const hazardGuards: TScopedPatterns[] = [
  resolvedPastEvent,
  {
    scope: 'sentence',
    anyOf: [
      '(had|was|were) (a|an)? _{0,2} (fire|fires|gas leak|smoke) _{0,3} (in #|back in|years ago|months ago|last year|a while ago|once|long ago|last spring|last summer|last fall|last winter|last month|fully repaired|since repaired|all repaired)',
      '(unrelated|not related|no longer|anymore)',
    ],
  },
  {
    scope: 'overlap',
    anyOf: [
      '(smoke|co|carbon monoxide|gas) (detector|detectors|alarm|alarms|monitor)',
      '(i|we|he|she) (smoke|smoked|smoking) (cigarettes|weed|a cigarette|outside)?',
      '(no|not|without) (smoke|sparks|flames|gas|fire)',
      '(fire|smoke) (department|fighters|firefighters|station|alarm test|drill|pit|place|fireplace|truck)',
      'smoking (policy|area|section)',
      'hot (water|tub) _{0,2} (smoke|steam)',
      '(smoke|smoking|smoky|flames|fire) _{0,4} (neighbor|neighbors|neighbour|neighbours|bbq|barbecue|grill|grilling|campfire|bonfire|fire pit|fireplace|candle|candles|cigarette|cigarettes|cigar|vape|incense|toast|wildfire|wildfires)',
      '(neighbor|neighbors|neighbour|neighbours|bbq|barbecue|grill|campfire|bonfire|fire pit|fireplace|candle|candles|cigarette|cigarettes|cigar|vape|incense|toast|wildfire|wildfires) _{0,2} (smoke|smoking|smoky|flames|fire)',
    ],
  },
];

export const healthSafety: TTriggerDefinitionInput = {
  code: 'HEALTH_SAFETY',
  detectorId: 'text.health-safety',
  suppressedBy: ['ADVERSE_REACTION'],
  description: 'A physical hazard or an injury; gas, carbon monoxide and smoke also raise SOS_HIGH_RISK (TON-6).',
  guards: [thirdPartyStory, policyStatement],
  cues: [
    { id: 'fire-gas-smoke', patterns: hazardPatterns, guards: hazardGuards },
    { id: 'alarm-sounding', patterns: [alarmSounding], guards: [resolvedPastEvent] },
    alarmWithSymptoms,
    {
      id: 'injury',
      patterns: [
        '(injured|injury|injuries|injuring|hurt myself|hurt herself|hurt himself|got hurt|was hurt|were hurt|been hurt|hurt my|hurt her|hurt his|hurt our|hurting my|lastimado|lastimada|herido|herida)',
        '(welted|gouged|scraped|grazed|smacked|whacked|slashed|lacerated|cut|burned|burnt|bruised|broke|broken|sprained|smashed|crushed|pinched|shocked|electrocuted|zapped|fractured|hit|struck|split) _{0,2} (my|his|her|their|our|a) (hand|hands|finger|fingers|thumb|arm|arms|leg|legs|foot|feet|head|face|back|knee|knees|wrist|ankle|shoulder|eye|eyes|skin|toe|toes|nose|rib|ribs|lip|chin|neck|son|daughter|kid|kids|child|wife|husband|dog|cat)',
        '(i|he|she|we|they|my (son|daughter|kid|child|husband|wife|partner|dad|mom)|cx|mbr) (got|was|were|have been|has been|had been) (shocked|electrocuted|zapped|burned|burnt|cut|hit|struck|trapped|pinned|crushed|knocked out)',
        '(i|he|she|we|they|my (son|daughter|kid|child|husband|wife|mom|dad|partner)) (fell|fell off|fell down|was thrown|got thrown|tripped|slipped) (off|over|on|down|and)?',
        '(shocked|electrocuted|zapped|burned|burnt|pinched|crushed) (me|him|her|us|my son|my daughter|my kid|my child|my husband|my wife)',
        '(swallowed|ingested|choked on|choking on) (a|the|some|one of the)? (magnet|magnets|battery|batteries|button battery|small part|small parts|piece|pieces|screw|screws|cap|knob)',
        '(stitches|concussion|broken bone|fracture|black eye|bleeding|sprain)',
        '(bruised|sprained|fractured|scraped|swollen|gashed|lacerated) (chest|ribs|rib|arm|leg|wrist|ankle|hand|finger|fingers|knee|shoulder|face|head|foot|toe|back|neck|forearm)',
        '(a|my|his|her) (sprained|broken|fractured|bruised|twisted|dislocated|jammed|cracked) (wrist|ankle|finger|fingers|toe|toes|arm|leg|rib|ribs|nose|knee|shoulder|back|neck|thumb|hand|foot)',
        '(dropped|drop|dropping|slammed|slam) (the|a)? (weight|weights|bar|handle|arm|unit|screen|plate) (on|onto) (my|his|her|their) (foot|feet|hand|hands|toe|toes|head|leg|fingers|chest|shoulder|back|neck|knee|arm|face)',
        '(gash|gashed|gashes) _{0,3} (my|his|her|their|head|arm|leg|hand|forehead|face|knee|shin|finger|thumb|cheek|lip|chin)',
        '(hit|struck|smacked|whacked|slammed|cut|burned|caught|clipped) (me|him|her|us|my (son|daughter|kid|child|husband|wife)) (in|on) the (face|head|eye|eyes|chest|leg|arm|hand|back|neck|mouth|nose|knee|shin|stomach|ribs|jaw|forehead)',
        '(threw|thrown|flung|launched|knocked) (me|him|her|us|my (son|daughter|kid|child|husband|wife)) (off|down|to the ground|across|backwards|forward)',
        '(got|get|gets|getting|received|took|gave (me|him|her|us|my son|my daughter|my kid)) (an|a)? (electric|electrical)? (shock|shocks|jolt) (from|off|when|touching|while)',
        '(caught|pinched|trapped|stuck|jammed|crushed|smashed) _{0,3} (finger|fingers|hand|hands|arm|foot|toe|toes|hair|thumb|leg)',
        '(finger|fingers|hand|hands|hair|thumb|foot|arm) (got|was|were)? (caught|stuck|trapped|pinched|crushed|smashed) (in|under|between|by)',
        '(fell|fall|falling|fallen|tipped|tipping|toppled|collapsed|came loose|snapped|detached|flew off|broke off) _{0,3} (on|onto|off|over) (me|him|her|my|his|our|the floor|a kid|my kid|my son|my daughter|the baby)',
        '(cable|cord|wire|strap|rope) _{0,6} (frayed|fraying|shredded|split|splitting|unraveling|unravelling) (down to|to the|through|and)?',
        '(landed|fell|dropped|crashed|came down|slammed) (on|onto|into) (my|his|her|their|our) (toes|toe|foot|feet|hand|hands|head|leg|legs|arm|arms|back|shoulder|kid|son|daughter|dog|baby)',
        '(welt|welts|bruise|bruises|cut|burn|burns|bump|lump|scrape|scrapes|laceration|lacerations|swollen) (on|to|across) (my|his|her|their) (forearm|arm|arms|leg|legs|face|head|hand|hands|wrist|shin|shins|knee|knees|cheek|forehead|chest|back|neck|foot|feet|ankle|finger|fingers)',
      ],
      guards: [
        {
          scope: 'sentence',
          anyOf: [
            '(shoveling|gardening|skiing|snowboarding|hiking|playing|car accident|at work|lifting boxes|at the gym|on vacation)',
            '(unrelated|not related|nothing to do with)',
            '(need|needs|want|have) to (pause|cancel|freeze|hold|suspend) (my|the|our)',
          ],
        },
        resolvedPastEvent,
        {
          scope: 'overlap',
          anyOf: [
            'hurt my (feelings|credit|business|wallet|budget|chances|score)',
            '(personal injury|injury) (lawyer|lawyers|attorney|attorneys|law firm|firm|claim|claims|case|suit|lawsuit|settlement)',
            '(price|prices|service|power|cable|internet|water) cut',
            '(fell|slipped) (behind|asleep|in love|for it|short|through|through the cracks)',
          ],
        },
      ],
    },
    {
      id: 'hazard',
      patterns: [
        '(safety) (hazard|issue|issues|concern|concerns|risk|problem|defect|recall)',
        '(fire|electrical|shock|tripping|choking|health|burn|fall) (hazard|hazards|risk)',
        '(exposed|live|bare|frayed|hanging) (wire|wires|wiring)',
        '(wire|wires|wiring) _{0,4} (exposed|frayed|hanging out|sticking out|live|bare)',
        '(mold|mildew) (on|in|growing|everywhere|behind|under|spreading)',
        '(dangerous|unsafe|hazardous|peligroso|peligrosa)',
        '(power brick|brick|charger|adapter|power supply|plug|cord|cable) _{0,3} (gets|got|is|was|getting|runs) (so|really|very|too)? (hot|warm) _{0,4} (discoloured|discolored|melted|melting|burned|burnt|scorched|smell|smells|smoking|warped)',
        '(nearly|almost) (took|cut|crushed|broke|ripped|sliced) (my|his|her|their) (fingers|finger|hand|hands|arm|toes|foot|head|eye) (off|out)?',
        '(battery|batteries|power bank|battery pack|cell) _{0,2} (swelled|swelling|swollen|bulging|bulged|puffed up|puffing up|leaking|leaked|hissing|expanded)',
        '(mount|wall mount|bracket|anchor|anchors) _{0,6} (pulling|coming|ripping|tearing|working) (out|loose|away|off)',
        '(panel|panels|solar panel|solar panels|rack|racking|array) _{0,4} (slid|sliding|slipped|slipping|hanging|dangling|falling|loose|came loose|coming loose|blew off|blowing off)',
        '(mount|wall mount|bracket|anchor|anchors|screws|bolts|unit|arm) (is|are)? (pulling|coming|ripping|tearing|working) (out|loose|away|off) (of|from)?',
        '(scared|afraid|worried|terrified|fear) (that)? (it is|it will|it is going to|its|it|it might|it could|the unit|the mount|the arm|the machine) (gonna|going to|could|might)? (come down|fall|fall off|collapse|tip|tip over|snap|break|come off|come loose)',
        '(worried|afraid|scared|concerned|fear) _{0,5} (get|gets|getting|be|will be) (hurt|injured|electrocuted|burned|shocked|killed)',
        '(worried|afraid|scared|concerned|fear|risk) (about|of) (a)? (fire|electrocution|electric shock|shock|explosion|gas leak)',
        '(water|leak|leaking|wet) _{0,4} (electrical|panel|outlet|outlets|breaker|breakers|wiring|wires)',
        '(someone|somebody|my kid|my kids|a kid|my son|my daughter|we) (will|could|is going to|might|may) (get|be) (hurt|injured|killed|electrocuted)',
        '(sparks|sparking|sparked|arcing)',
        '(outlet|plug|cord|wire|wires|wiring|breaker|panel|switch|socket|cable|outlet cover) _{0,4} (buzzes|gets hot|getting hot|runs hot|hot to the touch|buzzing|crackling|scorched|melted|melting|charred|burning hot|too hot to touch)',
        '(unit|machine|motor|outlet|cord|plug|charger|battery|dryer|oven|stove|heater|furnace|panel|wire|wires|it|screen|device|treadmill|compressor|appliance|breaker) _{0,3} (overheating|overheated|melted|melting|exploded|shorted out)',
        '(explosion|short circuit|exploded)',
        '(too hot to touch|smells like melting|smell of melting|melting plastic|melting rubber|burning plastic)',
        '(black mold|toxic mold|mold everywhere|asbestos|sewage backing up|sewage backup|raw sewage)',
        '(cable|arm|arms|strap|bolt|bolts|screen|mount|bracket|weight|bar|handle) _{0,2} (snapped|broke off|came loose|came off|detached|flew|fell off|ripped out|pulled out of the wall)',
      ],
      guards: [
        resolvedPastEvent,
        {
          scope: 'overlap',
          anyOf: [
            '(dangerous|unsafe) (precedent|game|territory|ground)',
            'safety (team|department|dept|check|feature|features|tips|plan)',
            'trust (&|and) safety',
          ],
        },
        {
          scope: 'sentence',
          anyOf: [
            '(profile|messages|seeker|seekers|stalker|stalking|harass|harassing|harassed|found out|outed|walking alone|genderqueer|trans|nonbinary|non binary|queer|gay|lesbian|gender)',
          ],
        },
      ],
    },
  ],
};

const vulnerablePeople =
  '(recien nacido|recien nacida|baby|babies|infant|infants|newborn|newborns|toddler|toddlers|elderly|senior|seniors|grandma|grandmother|grandpa|grandfather|oxygen|o2|ventilator|cpap|bipap|dialysis|medical device|medical equipment|wheelchair|disabled|disability|pregnant|chemo|heart condition|insulin|nebulizer|hospice|bedridden|immunocompromised|copd|asthma|asthmatic|feeding pump|feeding tube|concentrator|life support|apnea monitor|medically fragile|special needs|bebe|anciano|anciana|abuela|abuelo)';
const vulnerableAge =
  '(i m|im|i am|he s|hes|he is|she s|shes|she is|who is|whos|who s|mom is|dad is|mother is|father is) (65|66|67|68|69|70|71|72|73|74|75|76|77|78|79|80|81|82|83|84|85|86|87|88|89|90|91|92|93|94|95|96|97|98|99|100|101|102|103)|(mama|papa|abuela|abuelo|madre|padre|hijo|hija|bebe) de # (anos|meses)|# (week|weeks|wk|wks|month|months|mo|mos) old|# (year|yr|years|yrs|month|months|mo|week|weeks) old (mother|father|mom|dad|son|daughter|child|kid|kids|baby|parent|parents|grandmother|grandfather|grandma|grandpa|woman|man|lady|twins|boy|girl)';
const extremeWeather =
  '(freeze|hard freeze|deep freeze|freeze warning|helando|hace frio|mucho frio|mucho calor|hace calor|(85|86|87|88|89|90|91|92|93|94|95|96|97|98|99|100|101|102|103|104|105|106|107|108|109|110|111|112|113|114|115|116|117|118|119|120|121|122|123|124|125|126|127|128|129|130|0|1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18|19|20|21|22|23|24|25|26|27|28|29|30|31|32|33|34|35|36|37|38|39|40|41|42|43|44|45|46|47|48|49|50|51|52|53|54|55) (inside|in the house|indoors|in here)|# below|# degrees below|freezing|frozen|below zero|below freezing|grados|subzero|sub zero|(95|96|97|98|99|100|101|102|103|104|105|106|107|108|109|110|111|112|113|114|115|116|117|118|119|120|125|130|0|1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18|19|20|21|22|23|24|25|26|27|28|29|30|31|32|zero|negative|minus) degrees|heat index|wind chill|windchill|heat wave|heatwave|heat advisory|heat warning|triple digits|blizzard|snowstorm|snow storm|ice storm|cold snap|frigid|sweltering|scorching|extreme heat|extreme cold|hot outside|so hot|so cold|brutally|100 degrees|teens tonight|single digits|winter storm|congelando|calor extremo|(it s|its|it is|it was|was|been|hit|hits|hitting|reached|reaching|over|above|forecast) (95|96|97|98|99|100|101|102|103|104|105|106|107|108|109|110|111|112|113|114|115|116|117|118|119|120|negative|minus)|(phoenix|arizona|las vegas|vegas|tucson|palm springs|el paso|death valley|texas|houston|dallas|san antonio|austin|florida|miami|tampa|orlando|new orleans|louisiana) _{0,3} (in)? (july|august|june|september|the summer|summer|summertime|a heat wave)|(minnesota|minneapolis|chicago|wisconsin|michigan|detroit|north dakota|south dakota|montana|alaska|buffalo|maine|vermont|fargo|duluth) _{0,3} (in)? (january|february|december|the winter|winter|wintertime))';

export const sosHighRisk: TTriggerDefinitionInput = {
  code: 'SOS_HIGH_RISK',
  detectorId: 'text.sos-high-risk',
  description:
    'A present emergency: gas, carbon monoxide, active smoke or fire, or no heat, cooling or power for a vulnerable person or in extreme weather (CIN-2).',
  guards: [
    thirdPartyStory,
    { scope: 'sentence', anyOf: ['(for a few seconds|for a second|for a moment|briefly)'] },
    { scope: 'sentence', anyOf: ['(news|paper|reporter|tv|media) (explaining|telling|about) (how|that|why)'] },
    { scope: 'message', anyOf: ['(been unplugged since|unplugged it since|unplugged ever since)'] },
  ],
  cues: [
    { id: 'fire-gas-smoke', patterns: hazardPatterns, guards: hazardGuards },
    { id: 'alarm-sounding', patterns: [alarmSounding], guards: [resolvedPastEvent] },
    alarmWithSymptoms,
    {
      id: 'outage-vulnerable',
      patterns: [
        '(no tenemos|no hay|no tengo|sin) (calefaccion|aire|aire acondicionado|luz|electricidad|corriente)',
        '(fix|repair) (my|her|his|our|their|the) (ac|heat|furnace|heater|air conditioner|air conditioning|hvac|boiler|power|heat pump)',
        '(nobody|no one|noone|if nobody|unless someone) (fixes|has fixed|fixed|repairs|repaired|comes to fix|comes out to fix) (the|my|our) (furnace|heat|heater|heating|ac|air conditioner|air conditioning|boiler|heat pump|hvac|power)',
        '(power outage|blackout|apagon|brownout|rolling blackouts|grid down)',
        '(on|running on|running off|on its) (backup|back up|battery|batteries) (battery|power|generator)?',
        '(no|without|w o|zero|lost|losing|lose|out of|not have|dont have|do not have|have not had|not had|sin) (any)? (heat|heating|heater|furnace|ac|a c|air|air conditioning|air conditioner|cooling|power|electricity|hvac|boiler|calefaccion|luz|aire)',
        '(aire acondicionado|aire|calefaccion|calentador|luz|electricidad|heat|heating|heater|furnace|ac|a c|air conditioning|air conditioner|cooling|power|electricity|hvac|boiler|heat pump) _{0,5} (has been out|been out|off|been off|shut off|turned off|not working|is not working|isnt working|stopped working|quit|quit working|died|dead|out|down|broken|broke|went out|goes out|failed|failing|cut|cut off|outage|failure|gone|is gone|went down|keeps cutting out|cutting out|not back on|is not back on|not back|still off|still out|still not working|still broken|has been waiting|been waiting|waiting on|waiting for|still waiting|wont turn on|will not turn on|not turning on|blowing cold|blowing hot|blowing warm|no funciona)',
      ],
      requires: [{ scope: 'message', anyOf: [vulnerablePeople, vulnerableAge, extremeWeather] }],
      guards: [
        resolvedPastEvent,
        {
          scope: 'overlap',
          anyOf: [
            'power (cord|button|supply|cable|outlet|strip|adapter|brick|light)',
            'no (power|air) (to the|in the)? (tv|treadmill|screen|unit|machine|device|tablet)',
          ],
        },
        {
          scope: 'sentence',
          anyOf: [
            '(no rush|no hurry|not urgent|not an emergency|no emergency|can wait)',
            '(we are|we re|were) (managing|ok|okay|fine|coping|getting by)',
          ],
        },
      ],
    },
    {
      id: 'flagged',
      patterns: [
        '(sos|s o s)',
        'high risk (escalation|situation|case|emergency)',
        '(flagged|flagging|flag|marked|marking|tagged|tagging) (it|this|the case|case|cx|mbr)? (as)? (a)? (high risk|sos|emergency)',
      ],
    },
  ],
};

export const propertyDamage: TTriggerDefinitionInput = {
  code: 'PROPERTY_DAMAGE',
  detectorId: 'text.property-damage',
  description: 'Current, unresolved damage to the home, typically caused by the provider or a failure (CIN-2).',
  blockedInQuestions: true,
  guards: [
    thirdPartyStory,
    resolvedPastEvent,
    {
      scope: 'sentence',
      anyOf: [
        '(box|package|packaging|parcel|shipment|carton|crate)',
        '(arrived|came|delivered|shipped) (damaged|broken|dented|scratched|cracked)',
        '(minor|small|tiny|little|slight) (scuff|scuffs|scratch|scratches|mark|marks|dent|ding) _{0,6} (no big deal|not a big deal|no worries|not worried|dont care|do not care|not an issue|not a problem|fine)',
        '(no big deal|not a big deal|no worries|not worried about)',
        '(i do not care|i dont care|do not care|dont care|not your problem) (about)? (that|it|this|that part)?',
        '(if|whether|is|are|does|do|would|will) _{0,4} (damage|damages) _{0,6} (covered|cover)',
        '(already|was|were|got|has been|have been) (repaired|fixed|patched|replaced|paid for|reimbursed)',
      ],
    },
  ],
  cues: [
    {
      id: 'damaged-home',
      patterns: [
        '(break|breaks|crack|damage|ruin|destroy|flood|damaged|damaging|punched through|punched a hole in|knocked a hole in|drilled through|cut through|cut into|chipped|ruined|ruining|destroyed|flooded|flooding|soaked|warped|stained|cracked|gouged|scratched|dented|scorched|burned|burnt|punctured|broke|broken|tore up|torn up|ripped up|caved in|collapsed|rotting|rotted|dano|danaron|danado|danada|rompio|rompieron|arruino) _{0,4} (@home-part)',
        '(@home-part) (is|are|was|were|got|has been|have been|now)? _{0,2} (flood|wet|damaged|ruined|destroyed|flooded|soaked|warped|stained|cracked|gouged|scratched|dented|scorched|buckling|buckled|caving|caved|caved in|fell in|came down|collapsed|sagging|rotting|dripping|leaking|soaking wet|covered in water|full of water)',
        '(water|sewage|mold) (damage|damaged)',
        '(mold|mildew) (is|has been|started|keeps|now)? (growing|spreading|forming) (on|in|behind|under|across|all over) (my|the|our)? _{0,2} (@home-part)',
        '(@home-part) (stain|stains|damage|crack|cracks|hole|holes|gouge|gouges|water damage)',
        '(roof|ceiling|wall|attic) (leak|leaks) (from|caused by|after|since) (your|the|their) (install|installation|installer|installers|crew|tech|contractor|work|panels)',
        '(gouged|scratched|dented|cracked|chipped) (a|an)? (long|deep|big|huge|large)? (scratch|gash|gouge|dent|crack|chip|mark) (down|in|into|across|on|along) (my|the|our) _{0,2} (@home-part)',
        '(water|rain) (is)? (dripping|leaking|pouring|coming|running|seeping) (through|from|out of|down) (the|my|our) _{0,2} (@home-part|downlight|light fixture|light|vent|fan|skylight)',
        '(water|rain) (through|in|into) (my|the|our) (@home-part) (for)? (a|# )? (week|weeks|days|month)?',
        '(@home-part) (is|s|are)? (going|gone|getting) (soft|soggy|moldy|mouldy|black|rotten)',
        '(stepped|fell|put (his|her|their|a) foot|came) (right)? through (the|my|our) (ceiling|floor|drywall|roof|wall)',
        '(left|made|put|knocked) (a|an) (hole|gash|crack|dent) (the size of|in|through|into)',
        '(mold|mildew) (is|has been|started|keeps|now)? (growing|spreading|forming)',
        '(unrepaired|unfixed|still leaking|ongoing|active) (roof|ceiling|pipe|water|plumbing)? (leak|damage|hole)',
        '(leak|damage|hole|flood|flooding) (the|your|their)? (sp|tech|technician|provider|contractor|crew|installer|plumber|roofer|electrician|painter|mover|movers|handyman) (caused|made|left|created)',
        '(leak|leaking|water) (into|through|thru) (the|my|our)? _{0,1} (@home-part)',
        '(flooding|flooded) (from|in|of) (the|my|our) _{0,2} (water heater|dishwasher|washer|pipe|pipes|toilet|sink|ac|drain|roof|basement|kitchen)',
        'hay agua (debajo|en|por) (del|de la|el|la|los|las)? (piso|pared|techo|cocina|sotano|bano)',
        '(water|sewage) (everywhere|all over|in|throughout|under|filling|flooding|backing up into) _{0,3} (@home-part)',
        '(mold|mildew|water damage|water stain|water stains|stain|stains|hole|holes|crack|cracks|leak|leaks) (spreading|growing|forming|showing|appearing|running|dripping|coming)? (on|in|through|across|all over|down|from) (my|the|our) _{0,2} (@home-part)',
        '(hole|holes|crack|cracks|gouge|gouges|gash|dent|stain|stains|burn mark|scorch mark) _{0,2} in (my|the|our) _{0,2} (@home-part)',
        '(hoyo|hoyos|agujero|agujeros|grieta|grietas|mancha|manchas) en (el|la|mi|los|las) (@home-part)',
        '(property damage|damage to my property|damage to (my|our|the) (home|house))',
        '(opened up|cut open|tore open|ripped open|tore out|ripped out|left open|left a hole in|cut a hole in|cut holes in) _{0,3} (@home-part)',
        '(@home-part) (that|which)? (the|your|their)? (sp|tech|technician|provider|contractor|plumber|crew|installer|electrician) (opened up|cut open|tore open|ripped open|tore out|ripped out|left open|opened)',
        '(hole|holes|gap|opening) (is|are)? still (there|open|in (my|the|our))',
        '(put|went|crashed|fell|slammed|drove|kicked|pushed|punched|dropped|smashed|rammed|backed) _{0,3} (through|into) (my|the|our) (window|windows|wall|walls|ceiling|door|drywall|floor|roof|fence|garage door|windshield|glass door|sliding door|gate)',
        '(leaked|leaking|flooded|flooding|poured|pouring|dripping) _{0,3} (into|onto|through|all over|under) (my|the|our) _{0,2} (@home-part)',
      ],
    },
    {
      id: 'water-still-coming-in',
      patterns: [
        '(still|keeps|keep) (coming through|leaking through|dripping through|seeping through|pouring through|coming in|leaking in|dripping|leaking|pooling)',
      ],
      requires: [
        { scope: 'message', anyOf: ['(@home-part)'] },
        { scope: 'message', anyOf: ['(water|leak|leaking|drain|pipe|rain|moisture)'] },
      ],
    },
  ],
};
