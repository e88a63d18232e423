import { LiveAlertsDocument, type LiveAlertsSubscription } from '../_generated/graphql.js';
import type { ResolvedClientOptions } from '../client/client-options.js';
import { subscribe } from '../client/subscribe.js';

export type LiveAlert = LiveAlertsSubscription['liveAlert']['message'];

export function liveAlertsResource(options: ResolvedClientOptions) {
  return {
    /**
     * Live alerts of your organization (urgent, health, safety and legal cases) as they are
     * raised:
     *
     *   for await (const alert of client.liveAlerts.watch({ signal })) console.log(alert.subject);
     *
     * With `since`, the alerts raised at or after that time come first: pass the `createdAt` of
     * the last alert you saw when you reconnect and none is missed (each is delivered once).
     */
    async *watch(
      watchOptions: { signal?: AbortSignal; since?: Date | string } = {},
    ): AsyncGenerator<LiveAlert, void, undefined> {
      const sinceDate = watchOptions.since === undefined ? undefined : new Date(watchOptions.since);
      if (sinceDate && Number.isNaN(sinceDate.getTime())) {
        throw new TypeError(`liveAlerts.watch: since must be a date or an ISO time, got ${String(watchOptions.since)}`);
      }
      const since = sinceDate?.toISOString();
      for await (const data of subscribe(options, LiveAlertsDocument, { since }, watchOptions.signal)) {
        yield data.liveAlert.message;
      }
    },
  };
}
