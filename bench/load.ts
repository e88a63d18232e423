/**
 * A small HTTP load generator for 127.0.0.1 only: a fixed number of keep-alive
 * connections, each sending its next request when the previous answer is in, for a bounded
 * time or a bounded number of requests.
 */
import http from 'node:http';

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  /** request body by request number (lets writes aim at a different row each time) */
  body: (n: number) => string;
  connections: number;
  durationMs?: number;
  /** stop after this many requests (whichever limit comes first) */
  maxRequests?: number;
}

export interface LoadResult {
  requests: number;
  /** answers with a status other than 200, or a GraphQL error / AppError in the body */
  failures: number;
  firstFailure: string | null;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** every latency, ms, sorted */
  latencies: number[];
}

/** Adds up runs of the same load taken in turns (so both sides of a comparison share the machine's state). */
export function combineLoads(results: LoadResult[]): LoadResult {
  const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b);
  const seconds = results.reduce((sum, result) => sum + result.seconds, 0);
  return {
    requests: latencies.length,
    failures: results.reduce((sum, result) => sum + result.failures, 0),
    firstFailure: results.find((result) => result.firstFailure)?.firstFailure ?? null,
    seconds,
    rps: seconds ? latencies.length / seconds : 0,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    latencies,
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost')
    throw new Error('load only against 127.0.0.1');
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  let issued = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + (options.durationMs ?? 3_600_000);
  const maxRequests = options.maxRequests ?? Number.POSITIVE_INFINITY;

  const send = (n: number) =>
    new Promise<void>((resolve) => {
      const payload = options.body(n);
      const begin = process.hrtime.bigint();
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            ...options.headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
            const text = Buffer.concat(chunks).toString('utf8');
            if (response.statusCode !== 200 || text.includes('"errors"') || text.includes('"AppError"')) {
              failures += 1;
              firstFailure ??= `HTTP ${response.statusCode}: ${text.slice(0, 300)}`;
            }
            resolve();
          });
        },
      );
      request.on('error', (error) => {
        failures += 1;
        firstFailure ??= error.message;
        resolve();
      });
      request.end(payload);
    });

  const connection = async () => {
    while (Date.now() < deadline && issued < maxRequests) {
      issued += 1;
      await send(issued);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, connection));
  agent.destroy();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    firstFailure,
    seconds,
    rps: latencies.length / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    latencies: sorted,
  };
}
