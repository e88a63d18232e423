import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { AppError } from '../errors/app-error.js';

const INSTRUMENTED = Symbol.for('escalate.app-error-results');

/**
 * graphql can be loaded twice (ESM and CommonJS), so its `isUnionType` helpers refuse types
 * of the other copy: unwrap lists and non-nulls structurally instead.
 */
function unionMemberNames(type: unknown): string[] {
  let named = type as { ofType?: unknown; getTypes?: () => { name: string }[] };
  while (named.ofType) named = named.ofType as typeof named;
  return typeof named.getTypes === 'function' ? named.getTypes().map((member) => member.name) : [];
}

/** by shape: the class can be loaded twice (test runners, bundles), so instanceof is not enough */
function isAppError(value: unknown): value is AppError {
  return (
    value instanceof AppError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'AppError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}

export type AppErrorListener = (context: unknown, error: AppError) => void;

/**
 * Mutations return expected failures as a typed `AppError` result (HTTP 200), so the
 * transport never sees them. This wraps every root field whose type can be an AppError and
 * reports each AppError it returns, so metrics count them by code and an UNAVAILABLE
 * result can turn the response into a retryable 503.
 */
export function instrumentAppErrorResults(schema: GraphQLSchema, listener: AppErrorListener): void {
  const marked = schema as unknown as Record<symbol, AppErrorListener[] | undefined>;
  const existing = marked[INSTRUMENTED];
  if (existing) {
    existing.push(listener);
    return;
  }
  const listeners: AppErrorListener[] = [listener];
  marked[INSTRUMENTED] = listeners;
  for (const rootType of [schema.getQueryType(), schema.getMutationType()]) {
    if (!rootType) continue;
    for (const field of Object.values(rootType.getFields())) {
      const canBeAppError = unionMemberNames(field.type).includes('AppError');
      if (!canBeAppError) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = async (source, args, context, info) => {
        const result = await resolve(source, args, context, info);
        if (isAppError(result)) for (const notify of listeners) notify(context, result);
        return result;
      };
    }
  }
}
