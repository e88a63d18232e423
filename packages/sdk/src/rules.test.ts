import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, getShippedPolicyPack, parseEvaluationInput } from './rules.js';
import { type SdkTestEnv, startSdkTestEnv } from './testing/sdk-test-env.js';

let env: SdkTestEnv;

beforeAll(async () => {
  env = await startSdkTestEnv('tonal');
});

afterAll(async () => {
  await env?.close();
});

describe('@escalate/sdk/rules offline', () => {
  it('X-2 X-3 evaluating the shipped pack locally gives the decision the server gave for the same input and version', async () => {
    const client = env.client('agent');
    const { case: created } = await client.cases.create({ subject: 'Delivery missed twice', customerRef: 'offline-1' });
    const texts = [
      'The delivery was missed again. I want to talk to a supervisor.',
      'The arm snapped back and hit my shoulder.',
      'Thanks, all good now.',
    ];
    const policy = compilePolicy(getShippedPolicyPack('tonal'));
    for (const text of texts) {
      const server = await client.cases.route(created.id, { text, at: '2026-03-06T15:00:00-05:00' });
      expect(server.policyVersion).toBe(1);
      const local = evaluate(policy, parseEvaluationInput(server.input));
      expect(JSON.parse(JSON.stringify(local))).toEqual(server.decision);
    }
  });
});
