import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

function isAsyncIterable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * Counts open subscription streams (server-sent events) per API key in this process and
 * refuses one more than `maxPerKey` with 429: each stream holds a connection and a live
 * feed listener for as long as the client keeps it open.
 */
export function sseStreamLimitPlugin(maxPerKey: number): Plugin & { open(apiKeyId: string): number } {
  const open = new Map<string, number>();
  const release = (key: string) => {
    const count = (open.get(key) ?? 1) - 1;
    if (count <= 0) open.delete(key);
    else open.set(key, count);
  };
  return {
    open: (apiKeyId: string) => open.get(apiKeyId) ?? 0,
    onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue as Partial<Context>;
      const key = context.viewer?.apiKeyId;
      if (!key) return;
      const count = open.get(key) ?? 0;
      if (count >= maxPerKey) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(`This API key already has ${count} open streams (the maximum); close one first`, {
              extensions: {
                code: 'RATE_LIMITED',
                retryable: true,
                retryAfterSeconds: 5,
                maxStreams: maxPerKey,
                requestId: context.requestId,
                http: { status: 429, headers: { 'Retry-After': '5' } },
              },
            }),
          ],
        });
        return;
      }
      open.set(key, count + 1);
      let released = false;
      const done = () => {
        if (released) return;
        released = true;
        release(key);
      };
      return {
        onSubscribeError: done,
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) {
            done();
            return;
          }
          return { onEnd: done };
        },
      };
    },
  };
}
