/** What other modules may use of the cases module: its public service functions and types. */
export { assertCaseVersion, requireCase, updateCaseGuarded } from './case-guards.js';
export {
  missingNoteFields,
  type NoteFields,
  noteRequiredError,
  recordHandoffNote,
  ZNoteFields,
} from './handoff-notes.js';
export { restartSla, slaDataFromDecision } from './sla.js';
