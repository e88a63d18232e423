import {
  AuthenticationError,
  ConfigurationError,
  ConflictError,
  EscalateError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  RuleViolationError,
  ServerError,
  ValidationError,
} from '../errors/escalate-error.js';

/**
 * Exit codes scripts can rely on (documented in `escalate --help`):
 *   0 success · 1 unexpected failure · 2 usage or configuration error · 3 authentication or
 *   permission · 4 not found · 5 refused input (validation, rule, conflict) · 6 network or
 *   server unavailable · 7 a bulk import finished but some lines failed · 130 interrupted
 */
export const EXIT = {
  OK: 0,
  FAILURE: 1,
  USAGE: 2,
  AUTH: 3,
  NOT_FOUND: 4,
  REFUSED: 5,
  UNAVAILABLE: 6,
  PARTIAL_FAILURE: 7,
  /** stopped with Ctrl-C (128 + SIGINT, as shells report it) */
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  unexpected failure
  2  usage or configuration error (bad flag, missing URL or API key)
  3  authentication failed or not permitted
  4  not found
  5  input refused (validation, business rule, conflict)
  6  network error or service unavailable (safe to retry)
  7  import finished but some lines failed
  130  interrupted (Ctrl-C); an import resumes when run again`;

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof ConfigurationError) return EXIT.USAGE;
  if (error instanceof AuthenticationError || error instanceof ForbiddenError) return EXIT.AUTH;
  if (error instanceof NotFoundError) return EXIT.NOT_FOUND;
  if (error instanceof ValidationError || error instanceof RuleViolationError || error instanceof ConflictError) {
    return EXIT.REFUSED;
  }
  if (
    error instanceof NetworkError ||
    error instanceof RateLimitedError ||
    (error instanceof ServerError && error.retryable)
  ) {
    return EXIT.UNAVAILABLE;
  }
  if (error instanceof EscalateError && error.code === 'HTTP_ERROR') return EXIT.USAGE;
  return EXIT.FAILURE;
}

/** One readable paragraph for stderr: message, invalid fields, rule and request id. */
export function describeError(error: unknown): string {
  if (!(error instanceof EscalateError)) return error instanceof Error ? error.message : String(error);
  const lines = [`error: ${error.message}${error.code ? ` [${error.code}]` : ''}`];
  for (const field of error.fields) lines.push(`  ${field.path}: ${field.message}`);
  if (error.rule) lines.push(`  rule: ${error.rule}`);
  if (error.requestId && error.status !== null && !error.expected) lines.push(`  request id: ${error.requestId}`);
  return lines.join('\n');
}
