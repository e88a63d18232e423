/** What other modules may use of the routing module: its public service functions and types. */
export { applyDecision } from './decision-apply.js';
export { type EscalationResult, escalateCase, ZEscalateCaseInput } from './escalation.js';
export { buildEvaluationInput } from './evaluation-input.js';
export { escalateForResolution } from './resolution-escalation.js';
export { decide, loadCaseForEvaluation } from './routing.js';
