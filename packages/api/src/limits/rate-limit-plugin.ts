import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Context } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { translateDatabaseError } from '../errors/prisma-error.js';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../observability/request-observer.js';
import { operationCost } from './operation-cost.js';
import type { RateLimiter } from './rate-limiter.js';

function refusal(code: 'RATE_LIMITED' | 'UNAVAILABLE', message: string, retryAfterSeconds: number, requestId: string) {
  return {
    errors: [
      new GraphQLError(message, {
        extensions: {
          code,
          retryable: true,
          retryAfterSeconds,
          requestId,
          http: { status: code === 'RATE_LIMITED' ? 429 : 503, headers: { 'Retry-After': String(retryAfterSeconds) } },
        },
      }),
    ],
  };
}

/**
 * Per-API-key rate limit: every operation takes a token from its key's bucket before it
 * runs (a batch mutation one per item); an empty bucket answers 429 with Retry-After and runs
 * nothing.
 */
export function rateLimitPlugin(limiter: RateLimiter, logger: Logger): Plugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as Partial<Context>;
      const viewer = context.viewer;
      if (!viewer) return;
      const requestId = context.requestId ?? '';
      try {
        const cost = operationCost(args.document, args.operationName, args.variableValues ?? undefined);
        const decision = await limiter.take(`api-key:${viewer.apiKeyId}`, cost);
        if (!decision.allowed) {
          setResultAndStopExecution(
            refusal(
              'RATE_LIMITED',
              `Rate limit exceeded for this API key; retry in ${decision.retryAfterSeconds} s`,
              decision.retryAfterSeconds,
              requestId,
            ),
          );
        }
      } catch (error) {
        const translated = translateDatabaseError(error);
        if (translated instanceof AppError && translated.code === 'UNAVAILABLE') {
          setResultAndStopExecution(
            refusal('UNAVAILABLE', translated.message, UNAVAILABLE_RETRY_AFTER_SECONDS, requestId),
          );
          return;
        }
        // a broken limiter must not take the API down with it
        logger.warn({ err: error, requestId }, 'rate limiter failed; request allowed');
      }
    },
  };
}
