import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestKit, type TestKit } from '../packages/api/src/testing/test-kit.js';
let kit: TestKit;
beforeAll(async () => { kit = await createTestKit(); });
afterAll(async () => kit?.close());
it('dbg', async () => {
  const t = await kit.createTenant('care');
  const r = await t.as('agent')(`mutation { createPrivacyRequest(input:{caseId:"x", type: DELETE_DATA}) { __typename ... on AppError { code message fields { path } } } }`);
  console.log(JSON.stringify(r));
  const r2 = await t.as('privacy')(`mutation { createPrivacyRequest(input:{caseId:"x", type: DELETE_DATA}) { __typename ... on AppError { code message fields { path } } } }`);
  console.log(JSON.stringify(r2));
  const r3 = await t.as('agent')(`{ cases(first: -1) { edges { node { id } } } node(id: "abc") { id } }`);
  console.log(JSON.stringify(r3));
  const r4 = await t.as('agent')(`{ nodes(ids: ["abc", "Q2FzZTowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA="]) { id } viewer { organization { id } } }`);
  console.log(JSON.stringify(r4));
});
