/**
 * Watch live alerts: urgent, health, safety and legal escalations of your organization, the
 * moment they are raised (the `liveAlert` subscription, over server-sent events). Ctrl-C stops.
 *
 *   ESCALATE_URL=… ESCALATE_API_KEY=<a supervisor's key> pnpm --filter @escalate/examples watch-live-alerts
 */
import { createClient, EscalateError } from '@escalate/sdk';

const escalate = createClient({ url: process.env.ESCALATE_URL ?? '', apiKey: process.env.ESCALATE_API_KEY ?? '' });
const stop = new AbortController();
process.once('SIGINT', () => stop.abort());

console.log('Watching live alerts; Ctrl-C to stop.');
// on reconnect, resume from the last alert seen so nothing raised in between is missed; the
// replay starts at that time, so skip the alerts of that instant already printed
let since: string = new Date().toISOString();
let printedAtSince = new Set<string>();
while (!stop.signal.aborted) {
  try {
    for await (const alert of escalate.liveAlerts.watch({ signal: stop.signal, since })) {
      if (alert.createdAt === since && printedAtSince.has(alert.id)) continue;
      if (alert.createdAt !== since) printedAtSince = new Set();
      since = alert.createdAt;
      printedAtSince.add(alert.id);
      const where = alert.case ? `${alert.case.displayNumber} (${alert.case.priority})` : 'no case';
      console.log(`${alert.createdAt}  ${where}  ${alert.subject ?? alert.template ?? ''}`);
    }
  } catch (error) {
    // the stream ends when the server restarts or the network drops: wait and watch again
    if (!(error instanceof EscalateError) || !error.retryable) throw error;
    console.error(`${error.message}; reconnecting in 2 s`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}
