/**
 * The policy engine the server uses, for local previews: evaluate a policy pack offline and
 * get the decision the server would give for the same input, policy version and time.
 *
 *   import { compilePolicy, evaluate, getShippedPolicyPack } from '@escalate/sdk/rules';
 */
export * from '@escalate/rules';
