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
     */
    async *watch(watchOptions: { signal?: AbortSignal } = {}): AsyncGenerator<LiveAlert, void, undefined> {
      for await (const data of subscribe(options, LiveAlertsDocument, {}, watchOptions.signal)) {
        yield data.liveAlert.message;
      }
    },
  };
}
