import { z } from 'zod';
import { AppError } from '../../errors/app-error.js';
import { formatNumber } from '../../kernel/counters.js';
import type { EmailTemplateId } from '../delivery/index.js';
import { JURISDICTIONS } from './dsar-deadlines.js';

/** CARE-P2 */
export const PRIVACY_REQUEST_TYPES = ['DATA_CATEGORIES', 'ACCESS_DATA', 'DELETE_DATA'] as const;
export type PrivacyRequestType = (typeof PRIVACY_REQUEST_TYPES)[number];

/** CARE-P3: REQUESTED and COMPLETED_FAILED_VERIFICATION at intake; the rest is the DSAR lifecycle. */
export const PRIVACY_REQUEST_STATUSES = [
  'REQUESTED',
  'COMPLETED_FAILED_VERIFICATION',
  'IN_PROGRESS',
  'EXTENDED',
  'COMPLETED',
  'DENIED',
] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];
export const INTAKE_STATUSES = ['REQUESTED', 'COMPLETED_FAILED_VERIFICATION'] as const;

/** Requests still waiting for a response: they have a running deadline. */
export const OPEN_PRIVACY_STATUSES: readonly PrivacyRequestStatus[] = ['REQUESTED', 'IN_PROGRESS', 'EXTENDED'];

const HUMAN_TYPE: Record<PrivacyRequestType, string> = {
  DATA_CATEGORIES: 'Data Categories',
  ACCESS_DATA: 'Access Data',
  DELETE_DATA: 'Delete Data',
};
export const humanRequestType = (type: PrivacyRequestType): string => HUMAN_TYPE[type];
export const privacyRequestNumber = (number: number): string => formatNumber('PR', number);

/**
 * Status changes an edit may make. EXTENDED is reached only through an extension (which needs
 * a reason and sends a notice); completed, denied and failed-verification requests are final.
 */
const EDIT_TRANSITIONS: Record<PrivacyRequestStatus, readonly PrivacyRequestStatus[]> = {
  REQUESTED: ['IN_PROGRESS', 'COMPLETED', 'DENIED', 'COMPLETED_FAILED_VERIFICATION'],
  IN_PROGRESS: ['COMPLETED', 'DENIED'],
  EXTENDED: ['IN_PROGRESS', 'COMPLETED', 'DENIED'],
  COMPLETED_FAILED_VERIFICATION: [],
  COMPLETED: [],
  DENIED: [],
};

export function assertStatusChange(from: PrivacyRequestStatus, to: PrivacyRequestStatus): void {
  if (from === to) return;
  if (!EDIT_TRANSITIONS[from].includes(to)) {
    const allowed = EDIT_TRANSITIONS[from];
    throw new AppError(
      'INVALID_TRANSITION',
      `A privacy request in status ${from} cannot move to ${to}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (it is final)'}`,
      { rule: 'CARE-P3', fields: [{ path: 'input.status', message: `not allowed from ${from}` }] },
    );
  }
}

const SOCIAL_SIGN_IN = new Set(['google', 'apple']);

/**
 * CARE-P1: an account that signs in only with Google or Apple needs a password before a privacy
 * request is added (the self-service form asks for email and password).
 */
export function assertPasswordSignIn(customer: { signInMethods: string[]; externalRef: string } | null): void {
  if (!customer) return;
  const methods = customer.signInMethods.map((method) => method.trim().toLowerCase()).filter(Boolean);
  if (methods.length === 0 || !methods.every((method) => SOCIAL_SIGN_IN.has(method))) return;
  throw new AppError(
    'RULE_VIOLATION',
    `The member signs in only with ${methods.join(' and ')}: help them set a password (password reset) before adding the privacy request`,
    {
      rule: 'CARE-P1',
      details: {
        requiredStep: 'SET_PASSWORD',
        instructions:
          'Send the member a password reset so the account has an email and password, then add the privacy request; the self-service form needs both.',
        signInMethods: methods,
        customerRef: customer.externalRef,
      },
    },
  );
}

/** CARE-P5: which email a new request sends. */
export function intakeEmailTemplate(
  jurisdiction: (typeof JURISDICTIONS)[number],
  status: (typeof INTAKE_STATUSES)[number],
): EmailTemplateId {
  const verified = status === 'REQUESTED';
  switch (jurisdiction) {
    case 'CCPA':
      return verified ? 'privacy-ccpa-request-link' : 'privacy-ccpa-user-verification';
    case 'GDPR':
      return verified ? 'privacy-gdpr-request-link' : 'privacy-gdpr-user-verification';
    default: {
      const exhaustive: never = jurisdiction;
      throw new Error(`unknown jurisdiction ${String(exhaustive)}`);
    }
  }
}

const ZIdempotencyKey = z.string().min(1).max(200).nullish();
const ZText = (max: number) => z.string().trim().min(1, 'is required').max(max);

export const ZCreatePrivacyRequestInput = z.object({
  caseId: z.string().min(1),
  type: z.enum(PRIVACY_REQUEST_TYPES),
  status: z.enum(INTAKE_STATUSES).nullish(),
  jurisdiction: z.enum(JURISDICTIONS).nullish(),
  requesterName: ZText(200).nullish(),
  requesterEmail: z.string().trim().email('is not an email address').max(320).nullish(),
  receivedAt: z.date().nullish(),
  idempotencyKey: ZIdempotencyKey,
});

export const ZUpdatePrivacyRequestInput = z
  .object({
    id: z.string().min(1),
    type: z.enum(PRIVACY_REQUEST_TYPES).nullish(),
    status: z.enum(PRIVACY_REQUEST_STATUSES).nullish(),
    denialReason: ZText(2000).nullish(),
    requesterName: ZText(200).nullish(),
    requesterEmail: z.string().trim().email('is not an email address').max(320).nullish(),
    idempotencyKey: ZIdempotencyKey,
  })
  .refine((input) => input.status !== 'DENIED' || Boolean(input.denialReason), {
    path: ['denialReason'],
    message: 'is required when the request is denied',
  });

export const ZDeletePrivacyRequestInput = z.object({
  id: z.string().min(1),
  reason: ZText(2000),
  idempotencyKey: ZIdempotencyKey,
});

export const ZExtendPrivacyRequestInput = z.object({
  id: z.string().min(1),
  reason: ZText(2000),
  idempotencyKey: ZIdempotencyKey,
});

export const ZClosePrivacyCaseInput = z.object({
  privacyRequestId: z.string().min(1),
  /** the case version the caller saw (X-4); omitted = the current one */
  caseVersion: z.number().int().min(1).nullish(),
  idempotencyKey: ZIdempotencyKey,
});
