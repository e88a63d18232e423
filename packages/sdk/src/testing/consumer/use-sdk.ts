// A script as an integrator writes it, compiled and run against the packed tarball in an empty
// project by packaging.test.ts.
import {
  AuthenticationError,
  type Case,
  type CreateCaseInput,
  createClient,
  EscalateError,
  NotFoundError,
  SDK_VERSION,
} from '@escalate/sdk';
import { compilePolicy, getShippedPolicyPack } from '@escalate/sdk/rules';

const url = process.env.ESCALATE_URL ?? '';
const apiKey = process.env.ESCALATE_API_KEY ?? '';
const escalate = createClient({ url, apiKey });

const viewer = await escalate.viewer();
const input: CreateCaseInput = { subject: 'Packaged SDK works', customerRef: 'pkg-1', priority: 'HIGH' };
const { case: created } = await escalate.cases.create(input);
const seen: Case[] = [];
for await (const item of escalate.cases.list({ filter: { customerRef: 'pkg-1' } })) seen.push(item);

let notFound = false;
try {
  await escalate.cases.get('00000000-0000-4000-8000-000000000002');
} catch (error) {
  notFound = error instanceof NotFoundError && error instanceof EscalateError;
}
let unauthenticated = false;
try {
  await createClient({ url, apiKey: 'esk_000000000000_wrongwrongwrongwrongwrongwrongwrong' }).viewer();
} catch (error) {
  unauthenticated = error instanceof AuthenticationError;
}

const policy = compilePolicy(getShippedPolicyPack('cinch'));

process.stdout.write(
  `${JSON.stringify({
    version: SDK_VERSION,
    role: viewer.role,
    created: created.displayNumber,
    listed: seen.map((item) => item.id).includes(created.id),
    notFound,
    unauthenticated,
    policyOrg: policy.pack.orgSlug,
  })}\n`,
);
