import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Standard output, written in blocks: log lines collect in a buffer of 4 KB and go out with one
 * write when it is full or at the latest every 250 ms, and synchronously when the process
 * exits. One write per request was a system call per request on the API's hot path.
 */
let stdout: (DestinationStream & { flush(): void; flushSync(): void }) | undefined;
function bufferedStdout(): DestinationStream {
  if (!stdout) {
    const destination = pino.destination({ dest: 1, minLength: 4096, sync: false });
    setInterval(() => destination.flush(), 250).unref();
    process.once('exit', () => {
      try {
        destination.flushSync();
      } catch {
        // nothing more can be done while exiting
      }
    });
    stdout = destination;
  }
  return stdout;
}

/** Structured JSON logs. Never log API keys, message bodies or customer data. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      base: { service: 'escalate-api' },
      redact: { paths: ['req.headers.authorization', 'authorization', 'apiKey', '*.apiKey'], censor: '[redacted]' },
    },
    level === 'silent' ? undefined : bufferedStdout(),
  );
}
