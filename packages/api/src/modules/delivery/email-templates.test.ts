import { describe, expect, it } from 'vitest';
import { addresseeName, EMAIL_TEMPLATE_IDS, getEmailTemplate, renderEmail } from './email-templates.js';

const values = {
  name: 'Sam',
  requestNumber: 'PR-000007',
  requestType: 'Delete Data',
  selfServiceLink: 'https://privacy.example/care/requests/PR-000007',
  dueDate: 'April 15, 2026',
};

describe('email templates (data)', () => {
  it('CARE-P5 the intake emails carry the SOP subjects and the self-service link', () => {
    expect(getEmailTemplate('privacy-ccpa-request-link').subject).toBe('Privacy CCPA – Request Link');
    expect(getEmailTemplate('privacy-ccpa-user-verification').subject).toBe('Privacy CCPA – User Verification');
    const email = renderEmail('privacy-ccpa-request-link', values);
    expect(email.body).toContain(values.selfServiceLink);
    expect(email.body).toContain('PR-000007 (Delete Data)');
    expect(email.body).not.toMatch(/\{[a-zA-Z]+\}/);
  });

  it('every template renders with its declared placeholders, and a missing value is an error, not a hole', () => {
    for (const id of EMAIL_TEMPLATE_IDS) {
      const template = getEmailTemplate(id);
      const filled = Object.fromEntries(template.placeholders.map((name) => [name, `<${name}>`]));
      expect(renderEmail(id, filled).body).not.toMatch(/\{[a-zA-Z]+\}/);
    }
    const { selfServiceLink: _omitted, ...incomplete } = values;
    expect(() => renderEmail('privacy-ccpa-request-link', incomplete)).toThrow(/selfServiceLink/);
  });

  it('CARE-G2 the name field resolves to the preferred name when one is set', () => {
    expect(addresseeName({ preferredName: 'Sam', legalName: 'Samantha Jones', fallback: 'x' })).toBe('Sam');
    expect(addresseeName({ preferredName: '  ', legalName: 'Samantha Jones', fallback: 'x' })).toBe('Samantha Jones');
    expect(addresseeName({ preferredName: null, legalName: null, fallback: 'member@example.org' })).toBe(
      'member@example.org',
    );
  });
});
