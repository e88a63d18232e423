/** The canonical trigger codes of REQUIREMENTS.md. Packs add their own as `org:CODE`. */
export const CANONICAL_TRIGGER_CODES = [
  'SUPERVISOR_REQUEST',
  'EXECUTIVE_REQUEST',
  'REPEAT_ESCALATION',
  'LEGAL_THREAT',
  'LAWYER_CONTACT',
  'MEDIA_THREAT',
  'REVIEW_THREAT',
  'CHARGEBACK_THREAT',
  'FINANCIAL_INSTITUTION_CONTACT',
  'ABUSIVE_CUSTOMER',
  'MEDICAL_QUESTION',
  'ADVERSE_REACTION',
  'HEALTH_SAFETY',
  'PROPERTY_DAMAGE',
  'SOS_HIGH_RISK',
  'GENDER_IDENTITY',
  'PRIVACY_REQUEST',
  'REVIEW_EDIT_REQUEST',
  'REVIEW_REMOVAL_REQUEST',
  'REFUND_THRESHOLD',
  'REPEAT_REFUND',
  'CANCELLATION_FEE_REFUND',
  'REPEAT_RMA',
  'STALE_REFUND',
  'SERVICE_DELAY',
  'PROVIDER_DELAY',
  'CLAIM_DISPUTE',
  'REPLACEMENT_DISPUTE',
  'COVERAGE_DENIAL',
  'UNAUTHORIZED_WORK',
] as const;

export type TCanonicalTriggerCode = (typeof CANONICAL_TRIGGER_CODES)[number];

const canonicalSet: ReadonlySet<string> = new Set(CANONICAL_TRIGGER_CODES);

export function isCanonicalTriggerCode(code: string): code is TCanonicalTriggerCode {
  return canonicalSet.has(code);
}

/** `org:CODE`, e.g. `cinch:DISPATCH_NEEDED` */
export const EXTENSION_TRIGGER_CODE = /^([a-z][a-z0-9-]*):([A-Z][A-Z0-9_]*)$/;
