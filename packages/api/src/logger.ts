import pino, { type Logger } from 'pino';

/** Structured JSON logs. Never log API keys, message bodies or customer data. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service: 'escalate-api' },
    redact: { paths: ['req.headers.authorization', 'authorization', 'apiKey', '*.apiKey'], censor: '[redacted]' },
  });
}
