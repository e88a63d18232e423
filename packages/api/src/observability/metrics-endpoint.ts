import { timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { ApiMetrics } from './metrics.js';

function tokenMatches(authorization: string | null, token: string): boolean {
  const presented = Buffer.from(authorization ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

export interface MetricsAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The answer to GET /metrics: the Prometheus text format, or 401 without the configured token. */
export async function metricsAnswer(
  metrics: ApiMetrics,
  token: string | undefined,
  authorization: string | null,
): Promise<MetricsAnswer> {
  if (token && !tokenMatches(authorization, token)) {
    return { status: 401, headers: { 'WWW-Authenticate': 'Bearer' }, body: 'unauthorized\n' };
  }
  return {
    status: 200,
    headers: { 'content-type': metrics.registry.contentType },
    body: await metrics.registry.metrics(),
  };
}

/** Serves the Prometheus text format on GET /metrics, behind a bearer token when one is configured. */
export function metricsEndpointPlugin(metrics: ApiMetrics, token?: string): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== '/metrics') return;
      const answer = await metricsAnswer(metrics, token, request.headers.get('authorization'));
      endResponse(new fetchAPI.Response(answer.body, { status: answer.status, headers: answer.headers }));
    },
  };
}
