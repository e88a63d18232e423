import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * Real receivers for delivery tests and local runs: an SMTP server that keeps what it
 * accepts, and an HTTP server that records webhook deliveries and answers as told.
 */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export async function startMailReceiver(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  // a sender that dies mid-conversation (the kill -9 tests) resets its connection: expected here
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  /** base URL; endpoints are `${url}/<path>` */
  url: string;
  received: ReceivedWebhook[];
  /** how to answer a path: a status code, or 'hang' to never answer */
  respond(path: string, answer: number | 'hang' | ((attempt: number) => number | 'hang'), delayMs?: number): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const answers = new Map<
    string,
    { answer: number | 'hang' | ((attempt: number) => number | 'hang'); delayMs: number }
  >();
  const attempts = new Map<string, number>();
  const server = createServer((request, response) => {
    // a sender killed mid-request resets the connection: expected in the crash tests
    request.on('error', () => {});
    response.on('error', () => {});
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const attempt = (attempts.get(path) ?? 0) + 1;
      attempts.set(path, attempt);
      const rule = answers.get(path) ?? { answer: 200, delayMs: 0 };
      const answer = typeof rule.answer === 'function' ? rule.answer(attempt) : rule.answer;
      if (answer === 'hang') return;
      setTimeout(() => {
        response.statusCode = answer;
        response.end();
      }, rule.delayMs);
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    respond(path, answer, delayMs = 0) {
      answers.set(path.startsWith('/') ? path : `/${path}`, { answer, delayMs });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
