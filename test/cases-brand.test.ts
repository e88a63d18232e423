import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit } from '../packages/api/src/testing/test-kit.js';

const CREATE_CASE = /* GraphQL */ `
  mutation Create($input: CreateCaseInput!) {
    createCase(input: $input) {
      __typename
      ... on CreateCasePayload { case { id brand } }
      ... on AppError { code message fields { path message } }
    }
  }
`;

let kit: TestKit;

beforeAll(async () => {
  kit = await createTestKit();
});

afterAll(async () => {
  await kit.close();
});

describe('case brands', () => {
  it('LL-1 a brand the policy knows is stored in its canonical form ("tsm" → TSM)', async () => {
    const ll = await kit.createTenant('ll');
    const response: any = await ll.as('agent')(CREATE_CASE, {
      input: { subject: 'Wants to dispute the charge', customerRef: 'tsm-member-1', brand: 'tsm' },
    });
    expect(response.data.createCase).toMatchObject({ __typename: 'CreateCasePayload', case: { brand: 'TSM' } });
  });

  it('LL-1 an unknown brand is refused by name and nothing is written', async () => {
    const ll = await kit.createTenant('ll');
    const response: any = await ll.as('agent')(CREATE_CASE, {
      input: { subject: 'Refund please', customerRef: 'member-2', brand: 'Acme' },
    });
    expect(response.data.createCase).toMatchObject({
      __typename: 'AppError',
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'input.brand', message: 'one of TSM, HB' }],
    });
    expect(await kit.db.case.count({ where: { tenantId: ll.tenantId } })).toBe(0);
  });

  it('an organization whose policy names no brands keeps the brand as given', async () => {
    const tonal = await kit.createTenant('tonal');
    const response: any = await tonal.as('agent')(CREATE_CASE, {
      input: { subject: 'Trainer arm is stuck', customerRef: 'member-3', brand: 'Tonal 2' },
    });
    expect(response.data.createCase.case.brand).toBe('Tonal 2');
  });
});
