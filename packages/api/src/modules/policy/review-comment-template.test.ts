import { describe, expect, it } from 'vitest';
import { checkReviewComment, missingEscalationFields, reviewActionInSubject } from './review-comment-template.js';

describe('review comment template', () => {
  it('CARE-R5 accepts the template for the action taken, with free case, spacing and dash', () => {
    expect(checkReviewComment('Review edited: fixed a typo — requested by Jamie on 2026-03-06', 'EDIT')).toEqual({
      ok: true,
      values: { action: 'EDIT', reason: 'fixed a typo', requester: 'Jamie', date: '2026-03-06' },
    });
    expect(checkReviewComment('review REMOVED:  spam  -- requested by  Jamie  on 2026-03-06.', 'REMOVE')).toEqual({
      ok: true,
      values: { action: 'REMOVE', reason: 'spam', requester: 'Jamie', date: '2026-03-06' },
    });
  });

  it('CARE-R5 names what is wrong: no template, the wrong action, empty placeholders, an impossible date', () => {
    expect(checkReviewComment('done', 'EDIT')).toMatchObject({ ok: false });
    expect(checkReviewComment('Review removed: spam — requested by Jamie on 2026-03-06', 'EDIT')).toEqual({
      ok: false,
      problems: ['the comment says "removed" but the review is being edited'],
    });
    expect(checkReviewComment('Review edited: {reason} — requested by {requester} on 2026-02-30', 'EDIT')).toEqual({
      ok: false,
      problems: ['{reason} is empty', '{requester} is empty', '{date} "2026-02-30" is not a calendar date'],
    });
  });
});

describe('review escalation fields', () => {
  it('CARE-R2 needs the CRM number and "Edit Review" or "Remove Review" in the subject', () => {
    expect(missingEscalationFields({ externalCrmNumber: '00123', subject: 'EDIT  review: typo' })).toEqual([]);
    expect(missingEscalationFields({ externalCrmNumber: ' ', subject: 'Review question' }).map((f) => f.path)).toEqual([
      'input.externalCrmNumber',
      'input.subject',
    ]);
    expect(reviewActionInSubject('Please Remove Review 123')).toBe('REMOVE');
    expect(reviewActionInSubject('Edit my profile')).toBeNull();
  });
});
