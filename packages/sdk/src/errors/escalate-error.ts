import type { ErrorCode } from '../_generated/graphql.js';

/** One invalid input field, with the dotted path the server reported (e.g. `input.subject`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * Codes an SDK error can carry: the server's `ErrorCode` values plus the failures that happen
 * before or around the server (network, HTTP, malformed answers, unmasked server faults).
 */
export type EscalateErrorCode =
  | ErrorCode
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'HTTP_ERROR'
  | 'INVALID_RESPONSE'
  | 'INTERNAL_SERVER_ERROR'
  | 'CONFIGURATION_ERROR';

export interface EscalateErrorInit {
  code: EscalateErrorCode;
  message: string;
  /** HTTP status of the response, when there was one */
  status?: number | null;
  /** the server's request id (quote it when reporting a problem) */
  requestId?: string | null;
  /** requirement or rule the failure enforces, e.g. `X-4` */
  rule?: string | null;
  fields?: FieldProblem[];
  details?: Record<string, unknown> | null;
  operationName?: string | null;
  /** the server refused with a typed `AppError` payload: nothing was changed */
  expected?: boolean;
  cause?: unknown;
}

/**
 * Base class of every error the SDK throws. Catch it to handle all of them, or catch a
 * subclass (`ValidationError`, `ConflictError`, …) for one kind.
 */
export class EscalateError extends Error {
  readonly code: EscalateErrorCode;
  readonly status: number | null;
  readonly requestId: string | null;
  readonly rule: string | null;
  readonly fields: FieldProblem[];
  readonly details: Record<string, unknown> | null;
  readonly operationName: string | null;
  readonly expected: boolean;

  constructor(init: EscalateErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.code = init.code;
    this.status = init.status ?? null;
    this.requestId = init.requestId ?? null;
    this.rule = init.rule ?? null;
    this.fields = init.fields ?? [];
    this.details = init.details ?? null;
    this.operationName = init.operationName ?? null;
    this.expected = init.expected ?? false;
  }

  /** true when sending the same request again (with the same idempotency key) may succeed */
  get retryable(): boolean {
    return false;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      rule: this.rule,
      fields: this.fields,
      details: this.details,
      operationName: this.operationName,
    };
  }
}

/** The API key is missing, malformed, revoked or unknown (HTTP 401). */
export class AuthenticationError extends EscalateError {}

/** The key is valid but its role may not do this. */
export class ForbiddenError extends EscalateError {}

/** The record does not exist in your organization. */
export class NotFoundError extends EscalateError {}

/** The input was refused; `fields` names each invalid field. */
export class ValidationError extends EscalateError {}

/** A business rule refused the change (invalid transition, note required, approval required, capacity). */
export class RuleViolationError extends EscalateError {}

/** Concurrent update (stale `version`), duplicate, or an idempotency key reused for another input. */
export class ConflictError extends EscalateError {}

/** Too many requests; wait `retryAfterMs` before trying again. */
export class RateLimitedError extends EscalateError {
  readonly retryAfterMs: number | null;

  constructor(init: EscalateErrorInit & { retryAfterMs?: number | null }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  override get retryable(): boolean {
    return true;
  }
}

/** The server failed unexpectedly; quote `requestId` when reporting it. */
export class ServerError extends EscalateError {}

/** The service (or its database) is temporarily unavailable (HTTP 503 or `UNAVAILABLE`). */
export class UnavailableError extends ServerError {
  override get retryable(): boolean {
    return true;
  }
}

/** No answer: connection refused or reset, DNS failure, or timeout. */
export class NetworkError extends EscalateError {
  override get retryable(): boolean {
    return true;
  }
}

/** The client was configured wrongly (bad URL, missing API key); nothing was sent. */
export class ConfigurationError extends EscalateError {}
