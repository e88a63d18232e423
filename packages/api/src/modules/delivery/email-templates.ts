import { z } from 'zod';

/**
 * Customer email templates as data (CARE-P5). Placeholders are `{name}`; every placeholder a
 * template uses must be declared, and rendering fails on a missing value instead of sending a
 * hole. `{name}` is always the member's preferred name when one is set (CARE-G2).
 */
const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

const ZEmailTemplate = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    subject: z.string().min(1).max(500),
    body: z.string().min(1),
    placeholders: z.array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/)),
  })
  .superRefine((template, ctx) => {
    for (const part of ['subject', 'body'] as const) {
      for (const match of template[part].matchAll(PLACEHOLDER)) {
        if (!template.placeholders.includes(match[1] ?? '')) {
          ctx.addIssue({ code: 'custom', path: [part], message: `undeclared placeholder {${match[1]}}` });
        }
      }
    }
  });
export type TEmailTemplate = z.infer<typeof ZEmailTemplate>;

export const EMAIL_TEMPLATE_IDS = [
  'privacy-ccpa-request-link',
  'privacy-ccpa-user-verification',
  'privacy-gdpr-request-link',
  'privacy-gdpr-user-verification',
  'privacy-extension-notice',
] as const;
export type EmailTemplateId = (typeof EMAIL_TEMPLATE_IDS)[number];

const REQUEST_PLACEHOLDERS = ['name', 'requestNumber', 'requestType', 'selfServiceLink', 'dueDate'];

const templates: Record<EmailTemplateId, TEmailTemplate> = z.record(z.enum(EMAIL_TEMPLATE_IDS), ZEmailTemplate).parse({
  'privacy-ccpa-request-link': {
    id: 'privacy-ccpa-request-link',
    subject: 'Privacy CCPA – Request Link',
    body: [
      'Hi {name},',
      '',
      'We received your privacy request {requestNumber} ({requestType}).',
      'Please complete it on our secure self-service form, signing in with your account email and password:',
      '{selfServiceLink}',
      '',
      'We will respond by {dueDate}.',
      '',
      'The Privacy Team',
    ].join('\n'),
    placeholders: REQUEST_PLACEHOLDERS,
  },
  'privacy-ccpa-user-verification': {
    id: 'privacy-ccpa-user-verification',
    subject: 'Privacy CCPA – User Verification',
    body: [
      'Hi {name},',
      '',
      'We received your privacy request {requestNumber} ({requestType}) but could not verify an account with your contact details.',
      'You can submit your request on our secure self-service form, where we will verify your identity:',
      '{selfServiceLink}',
      '',
      'The Privacy Team',
    ].join('\n'),
    placeholders: REQUEST_PLACEHOLDERS,
  },
  'privacy-gdpr-request-link': {
    id: 'privacy-gdpr-request-link',
    subject: 'Privacy GDPR – Request Link',
    body: [
      'Hi {name},',
      '',
      'We received your data protection request {requestNumber} ({requestType}).',
      'Please complete it on our secure self-service form: {selfServiceLink}',
      '',
      'We will respond by {dueDate}.',
      '',
      'The Privacy Team',
    ].join('\n'),
    placeholders: REQUEST_PLACEHOLDERS,
  },
  'privacy-gdpr-user-verification': {
    id: 'privacy-gdpr-user-verification',
    subject: 'Privacy GDPR – User Verification',
    body: [
      'Hi {name},',
      '',
      'We received your data protection request {requestNumber} ({requestType}) but could not verify an account with your contact details.',
      'You can submit your request on our secure self-service form, where we will verify your identity: {selfServiceLink}',
      '',
      'The Privacy Team',
    ].join('\n'),
    placeholders: REQUEST_PLACEHOLDERS,
  },
  'privacy-extension-notice': {
    id: 'privacy-extension-notice',
    subject: 'Your privacy request {requestNumber} – more time needed',
    body: [
      'Hi {name},',
      '',
      'We need more time to complete your privacy request {requestNumber}: {reason}',
      'We will respond by {dueDate} at the latest.',
      '',
      'The Privacy Team',
    ].join('\n'),
    placeholders: ['name', 'requestNumber', 'reason', 'dueDate'],
  },
});

export function getEmailTemplate(id: EmailTemplateId): TEmailTemplate {
  return templates[id];
}

export interface RenderedEmail {
  template: EmailTemplateId;
  subject: string;
  body: string;
}

function fill(text: string, values: Record<string, string>, templateId: string): string {
  return text.replace(PLACEHOLDER, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`email template ${templateId} needs a value for {${key}}`);
    return value;
  });
}

/** Renders a template; every declared placeholder must have a value. */
export function renderEmail(id: EmailTemplateId, values: Record<string, string>): RenderedEmail {
  const template = templates[id];
  return { template: id, subject: fill(template.subject, values, id), body: fill(template.body, values, id) };
}

/** The name a customer is addressed by: the preferred name whenever one is set (CARE-G2). */
export function addresseeName(person: {
  preferredName?: string | null;
  legalName?: string | null;
  fallback: string;
}): string {
  return person.preferredName?.trim() || person.legalName?.trim() || person.fallback;
}
