/**
 * Route a case: open it, ask where it would go (a dry run that changes nothing), then escalate
 * it with the handoff note the policy asks for.
 *
 *   ESCALATE_URL=http://127.0.0.1:4000/graphql ESCALATE_API_KEY=esk_… pnpm --filter @escalate/examples route-a-case
 */
import { createClient, EscalateError, RuleViolationError } from '@escalate/sdk';

const escalate = createClient({ url: process.env.ESCALATE_URL ?? '', apiKey: process.env.ESCALATE_API_KEY ?? '' });
const message = process.argv[2] ?? 'The delivery was missed again. I want to talk to a supervisor.';

try {
  const { case: opened } = await escalate.cases.create({
    subject: 'Delivery missed twice',
    customerRef: 'member-1042',
    channel: 'CHAT',
  });
  console.log(`Opened ${opened.displayNumber}`);

  const decision = await escalate.cases.route(opened.id, { text: message });
  console.log(`${decision.outcome}: ${decision.summary}`);
  console.log(`  triggers: ${decision.triggerCodes.join(', ') || 'none'}`);
  console.log(`  target:   ${decision.target.team ?? '-'} / ${decision.target.queue ?? '-'}`);
  if (decision.outcome === 'STAY') process.exit(0);

  // the policy names the note fields it needs before the case may change queue (TON-4)
  const note = Object.fromEntries(
    decision.requiredNoteFields.map((field) => [field, `(${field} written by the agent)`]),
  );
  const result = await escalate.cases.escalate(opened.id, { expectedVersion: opened.version, text: message, note });
  console.log(
    `${result.outcome}: ${result.case.displayNumber} is ${result.case.status} in ${result.case.queue?.slug ?? 'no queue'}`,
  );
} catch (error) {
  if (error instanceof RuleViolationError) console.error(`Refused by ${error.rule ?? 'a rule'}: ${error.message}`);
  else if (error instanceof EscalateError) console.error(`${error.name}: ${error.message}`);
  else throw error;
  process.exitCode = 1;
}
