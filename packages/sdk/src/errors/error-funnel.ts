import type { ErrorCode } from '../_generated/graphql.js';
import {
  AuthenticationError,
  ConflictError,
  EscalateError,
  type EscalateErrorInit,
  type FieldProblem,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  RuleViolationError,
  ServerError,
  UnavailableError,
  ValidationError,
} from './escalate-error.js';

/** Where a failure happened, attached to every error the funnel builds. */
export interface RequestFacts {
  url: string;
  operationName: string | null;
  /** the request id the client sent (x-request-id); the server's own id wins when it reports one */
  requestId: string | null;
}

/** An `AppError` as selected by the SDK's operations. */
export interface AppErrorPayload {
  code: ErrorCode;
  message: string;
  rule?: string | null;
  fields?: FieldProblem[] | null;
  details?: unknown;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

const SERVER_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'APPROVAL_REQUIRED',
  'CAPACITY_EXCEEDED',
  'CONFLICT',
  'DUPLICATE',
  'FORBIDDEN',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_TRANSITION',
  'NOTE_REQUIRED',
  'NOT_FOUND',
  'RATE_LIMITED',
  'RULE_VIOLATION',
  'UNAUTHENTICATED',
  'UNAVAILABLE',
  'VALIDATION_FAILED',
]);

function isServerCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && SERVER_CODES.has(code);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** One error class per server code; the switch is exhaustive over `ErrorCode`. */
export function errorForCode(
  code: ErrorCode,
  init: EscalateErrorInit & { retryAfterMs?: number | null },
): EscalateError {
  switch (code) {
    case 'UNAUTHENTICATED':
      return new AuthenticationError(init);
    case 'FORBIDDEN':
      return new ForbiddenError(init);
    case 'NOT_FOUND':
      return new NotFoundError(init);
    case 'VALIDATION_FAILED':
      return new ValidationError(init);
    case 'CONFLICT':
    case 'DUPLICATE':
    case 'IDEMPOTENCY_KEY_REUSED':
      return new ConflictError(init);
    case 'RATE_LIMITED':
      return new RateLimitedError(init);
    case 'UNAVAILABLE':
      return new UnavailableError(init);
    case 'RULE_VIOLATION':
    case 'NOTE_REQUIRED':
    case 'INVALID_TRANSITION':
    case 'APPROVAL_REQUIRED':
    case 'CAPACITY_EXCEEDED':
      return new RuleViolationError(init);
    default: {
      const unhandled: never = code;
      return new EscalateError({ ...init, code: unhandled });
    }
  }
}

/** A typed `AppError` result of a mutation: an expected refusal, nothing was changed. */
export function errorFromAppError(payload: AppErrorPayload, facts: RequestFacts): EscalateError {
  const details = asRecord(payload.details);
  return errorForCode(payload.code, {
    code: payload.code,
    message: payload.message,
    rule: payload.rule ?? null,
    fields: payload.fields ?? [],
    details,
    operationName: facts.operationName,
    requestId: facts.requestId,
    expected: true,
    retryAfterMs: typeof details?.retryAfterMs === 'number' ? details.retryAfterMs : null,
  });
}

/** Seconds or an HTTP date, as in the Retry-After header; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Top-level GraphQL `errors` (and the HTTP status they came with) to one SDK error. */
export function errorFromGraphQLErrors(
  errors: readonly GraphQLErrorLike[],
  status: number,
  headers: Headers | null,
  facts: RequestFacts,
): EscalateError {
  const first = errors[0] ?? { message: 'The server answered with an error' };
  const extensions = first.extensions ?? {};
  const code = extensions.code;
  const requestId = typeof extensions.requestId === 'string' ? extensions.requestId : facts.requestId;
  const fields = Array.isArray(extensions.fields) ? (extensions.fields as FieldProblem[]) : [];
  const base = {
    message: first.message,
    status,
    requestId,
    rule: typeof extensions.rule === 'string' ? extensions.rule : null,
    fields,
    details: { ...(asRecord(extensions.details) ?? {}), ...(errors.length > 1 ? { errors } : {}) },
    operationName: facts.operationName,
  };
  const retryAfterSeconds = typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : null;
  const retryAfterMs =
    parseRetryAfter(headers?.get('retry-after')) ?? (retryAfterSeconds === null ? null : retryAfterSeconds * 1000);
  if (status === 401) return new AuthenticationError({ ...base, code: 'UNAUTHENTICATED' });
  if (status === 429) return new RateLimitedError({ ...base, code: 'RATE_LIMITED', retryAfterMs });
  if (isServerCode(code)) return errorForCode(code, { ...base, code, retryAfterMs });
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT' || code === 'GRAPHQL_PARSE_FAILED') {
    return new ValidationError({ ...base, code: 'VALIDATION_FAILED' });
  }
  if (status === 503) return new UnavailableError({ ...base, code: 'UNAVAILABLE' });
  return new ServerError({
    ...base,
    code: 'INTERNAL_SERVER_ERROR',
    message: requestId ? `${first.message} (request id ${requestId})` : first.message,
  });
}

/** A non-2xx answer without GraphQL errors (proxy pages, wrong path, gateway errors). */
export function errorFromHttpStatus(status: number, statusText: string, headers: Headers | null, facts: RequestFacts) {
  const init = { status, requestId: facts.requestId, operationName: facts.operationName };
  const retryAfterMs = parseRetryAfter(headers?.get('retry-after'));
  const where = `${facts.url} answered HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 401)
    return new AuthenticationError({ ...init, code: 'UNAUTHENTICATED', message: `${where}: check the API key` });
  if (status === 403) return new ForbiddenError({ ...init, code: 'FORBIDDEN', message: where });
  if (status === 429) return new RateLimitedError({ ...init, code: 'RATE_LIMITED', message: where, retryAfterMs });
  if (status === 502 || status === 503 || status === 504) {
    return new UnavailableError({ ...init, code: 'UNAVAILABLE', message: `${where}; retry shortly` });
  }
  if (status >= 500) return new ServerError({ ...init, code: 'INTERNAL_SERVER_ERROR', message: where });
  return new EscalateError({
    ...init,
    code: 'HTTP_ERROR',
    message: `${where}: is this the Escalate GraphQL endpoint (it ends in /graphql)?`,
  });
}

function causeChain(error: unknown): string[] {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const record = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof record.code === 'string') parts.push(record.code);
    else if (typeof record.message === 'string' && record.message !== 'fetch failed') parts.push(record.message);
    current = record.cause;
  }
  return parts;
}

/** fetch failures and aborts to one clear `NetworkError` (no stack of fetch internals). */
export function errorFromNetwork(error: unknown, facts: RequestFacts, timeoutMs: number | null): EscalateError {
  const name = (error as { name?: unknown } | null)?.name;
  const init = { operationName: facts.operationName, requestId: facts.requestId, cause: error };
  if (name === 'TimeoutError') {
    return new NetworkError({
      ...init,
      code: 'TIMEOUT',
      message: `${facts.url} did not answer within ${timeoutMs} ms`,
    });
  }
  if (name === 'AbortError')
    return new NetworkError({ ...init, code: 'NETWORK_ERROR', message: 'The request was aborted' });
  const reason = causeChain(error).join(': ') || 'no answer';
  return new NetworkError({
    ...init,
    code: 'NETWORK_ERROR',
    message: `Could not reach the Escalate API at ${facts.url} (${reason}); check the URL (ESCALATE_URL) and your network`,
  });
}
