import { timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { ApiMetrics } from './metrics.js';

function tokenMatches(authorization: string | null, token: string): boolean {
  const presented = Buffer.from(authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/** Serves the Prometheus text format on GET /metrics, behind a bearer token when one is configured. */
export function metricsEndpointPlugin(metrics: ApiMetrics, token?: string): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== '/metrics') return;
      if (token && !tokenMatches(request.headers.get('authorization'), token)) {
        endResponse(
          new fetchAPI.Response('unauthorized\n', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }),
        );
        return;
      }
      const body = await metrics.registry.metrics();
      endResponse(new fetchAPI.Response(body, { headers: { 'content-type': metrics.registry.contentType } }));
    },
  };
}
