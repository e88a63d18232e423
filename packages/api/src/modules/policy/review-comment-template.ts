import { REVIEW_ACTIONS, REVIEW_SUBJECT_KEYWORDS, type TReviewAction } from '@escalate/rules';

/**
 * The case comment every review change carries (CARE-R5) is the care policy's data: the
 * template and its checker come from the rules package. What is here maps the CARE-R2 checks
 * onto the API's input fields.
 */
export { checkReviewComment, REVIEW_ACTIONS, REVIEW_COMMENT_TEMPLATE, REVIEW_SUBJECT_KEYWORDS } from '@escalate/rules';
export type ReviewAction = TReviewAction;

/** What a review escalation lacks (CARE-R2): the CRM case number, a subject with the keyword. */
export function missingEscalationFields(fields: {
  externalCrmNumber: string | null | undefined;
  subject: string | null | undefined;
}): { path: string; message: string }[] {
  const missing: { path: string; message: string }[] = [];
  if (!fields.externalCrmNumber?.trim()) {
    missing.push({
      path: 'input.externalCrmNumber',
      message: 'the external (CRM) case number of the review is required',
    });
  }
  if (reviewActionInSubject(fields.subject) === null) {
    missing.push({
      path: 'input.subject',
      message: `the case subject must contain "${REVIEW_SUBJECT_KEYWORDS.EDIT}" or "${REVIEW_SUBJECT_KEYWORDS.REMOVE}"`,
    });
  }
  return missing;
}

/** The action a subject asks for, by its keyword; null when it has neither. */
export function reviewActionInSubject(subject: string | null | undefined): ReviewAction | null {
  const normalized = (subject ?? '').replace(/\s+/g, ' ').toLowerCase();
  for (const action of REVIEW_ACTIONS) {
    if (normalized.includes(REVIEW_SUBJECT_KEYWORDS[action].toLowerCase())) return action;
  }
  return null;
}
