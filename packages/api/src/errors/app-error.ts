/**
 * The one error type for expected failures. Resolvers throw it; the errors plugin turns it
 * into a typed `AppError` result, and the transport maps its code to an HTTP status.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'DUPLICATE',
  'IDEMPOTENCY_KEY_REUSED',
  'RULE_VIOLATION',
  'NOTE_REQUIRED',
  'INVALID_TRANSITION',
  'APPROVAL_REQUIRED',
  'CAPACITY_EXCEEDED',
  'RATE_LIMITED',
  'UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldProblem {
  /** dotted path of the input field, e.g. `input.subject` */
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** the requirement or rule the failure enforces, e.g. `CARE-R2` */
  rule?: string;
  fields?: FieldProblem[];
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly rule: string | null;
  readonly fields: FieldProblem[];
  readonly details: Record<string, unknown> | null;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.rule = options.rule ?? null;
    this.fields = options.fields ?? [];
    this.details = options.details ?? null;
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} not found`);
  }

  static forbidden(message: string, rule?: string): AppError {
    return new AppError('FORBIDDEN', message, rule ? { rule } : {});
  }
}

/** HTTP status that a transport should use for an error code (SDKs map it back). */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'DUPLICATE':
    case 'IDEMPOTENCY_KEY_REUSED':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    case 'UNAVAILABLE':
      return 503;
    case 'VALIDATION_FAILED':
    case 'RULE_VIOLATION':
    case 'NOTE_REQUIRED':
    case 'INVALID_TRANSITION':
    case 'APPROVAL_REQUIRED':
    case 'CAPACITY_EXCEEDED':
      return 422;
  }
}
