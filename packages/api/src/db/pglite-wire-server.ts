import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Serves one PGlite over the PostgreSQL wire protocol to many client connections.
 *
 * PGlite is a single backend session, so connections take turns. A connection that starts
 * talking owns the session until the backend reports ReadyForQuery with status idle ('I'):
 * an extended-protocol batch (Parse/Bind/Execute/Sync) and a whole transaction therefore run
 * without another connection's messages in between. (Interleaving per message, as generic
 * multiplexers do, lets one connection's Parse replace another's unnamed statement and one
 * connection's queries run inside another's transaction.)
 */

const SSL_REQUEST_CODE = 80877103;
const GSS_REQUEST_CODE = 80877104;
const CANCEL_REQUEST_CODE = 80877102;
const PROTOCOL_3 = 196608;
const TERMINATE = 0x58; // 'X'

interface PendingMessage {
  connection: WireConnection;
  bytes: Uint8Array;
}

class WireConnection {
  buffer: Buffer = Buffer.alloc(0);
  startupDone = false;
  closed = false;

  constructor(
    readonly id: number,
    readonly socket: Socket,
  ) {}

  /** Splits buffered bytes into whole protocol messages. */
  takeMessages(): { bytes: Buffer; kind: 'ssl' | 'cancel' | 'startup' | 'message' }[] {
    const messages: { bytes: Buffer; kind: 'ssl' | 'cancel' | 'startup' | 'message' }[] = [];
    for (;;) {
      if (!this.startupDone) {
        if (this.buffer.length < 8) break;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) break;
        const code = this.buffer.readInt32BE(4);
        const bytes = this.buffer.subarray(0, length);
        this.buffer = this.buffer.subarray(length);
        if (code === SSL_REQUEST_CODE || code === GSS_REQUEST_CODE) messages.push({ bytes, kind: 'ssl' });
        else if (code === CANCEL_REQUEST_CODE) messages.push({ bytes, kind: 'cancel' });
        else {
          if (code === PROTOCOL_3) this.startupDone = true;
          messages.push({ bytes, kind: 'startup' });
        }
        continue;
      }
      if (this.buffer.length < 5) break;
      const length = 1 + this.buffer.readInt32BE(1);
      if (this.buffer.length < length) break;
      messages.push({ bytes: this.buffer.subarray(0, length), kind: 'message' });
      this.buffer = this.buffer.subarray(length);
    }
    return messages;
  }
}

/** Status byte of the last ReadyForQuery in a backend response, if any. */
function lastReadyStatus(output: Buffer): string | null {
  let status: string | null = null;
  let offset = 0;
  while (offset + 5 <= output.length) {
    const type = output[offset];
    const length = output.readInt32BE(offset + 1);
    if (type === 0x5a /* Z */ && offset + 5 < output.length) status = String.fromCharCode(output[offset + 5] ?? 0);
    offset += 1 + length;
  }
  return status;
}

export interface PGliteWireServerOptions {
  db: PGlite;
  host?: string;
  port: number;
  maxConnections?: number;
}

export class PGliteWireServer {
  private readonly db: PGlite;
  private server: Server | null = null;
  private readonly connections = new Set<WireConnection>();
  private readonly queue: PendingMessage[] = [];
  private owner: WireConnection | null = null;
  private processing = false;
  private nextId = 1;

  constructor(private readonly options: PGliteWireServerOptions) {
    this.db = options.db;
  }

  async start(): Promise<void> {
    await this.db.waitReady;
    const server = createServer((socket) => this.accept(socket));
    server.maxConnections = this.options.maxConnections ?? 100;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    for (const connection of this.connections) connection.socket.destroy();
    this.connections.clear();
    this.queue.length = 0;
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    // let a running message finish before the caller closes the database
    while (this.processing) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private accept(socket: Socket): void {
    const connection = new WireConnection(this.nextId++, socket);
    this.connections.add(connection);
    socket.setNoDelay(true);
    socket.on('data', (chunk) => {
      connection.buffer = Buffer.concat([connection.buffer, chunk]);
      for (const message of connection.takeMessages()) {
        switch (message.kind) {
          case 'ssl':
            socket.write('N');
            break;
          case 'cancel':
            socket.end();
            break;
          case 'startup':
          case 'message':
            if (message.kind === 'message' && message.bytes[0] === TERMINATE) {
              socket.end();
              break;
            }
            this.queue.push({ connection, bytes: new Uint8Array(message.bytes) });
            break;
        }
      }
      void this.process();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => void this.release(connection));
  }

  /** A closed connection gives up its queued messages and, if it owned the session, its transaction. */
  private async release(connection: WireConnection): Promise<void> {
    connection.closed = true;
    this.connections.delete(connection);
    for (let index = this.queue.length - 1; index >= 0; index--) {
      if (this.queue[index]?.connection === connection) this.queue.splice(index, 1);
    }
    if (this.owner === connection) {
      // wait for an in-flight message of this connection, then clean up its session state
      while (this.processing) await new Promise((resolve) => setTimeout(resolve, 1));
      if (this.owner === connection) {
        try {
          if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
        } catch {
          // the session is reset by the next connection's messages anyway
        }
        this.owner = null;
      }
    }
    void this.process();
  }

  private nextMessage(): PendingMessage | undefined {
    if (this.owner) {
      const index = this.queue.findIndex((pending) => pending.connection === this.owner);
      return index === -1 ? undefined : this.queue.splice(index, 1)[0];
    }
    return this.queue.shift();
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let pending = this.nextMessage(); pending; pending = this.nextMessage()) {
        const { connection, bytes } = pending;
        if (connection.closed) continue;
        this.owner = connection;
        const chunks: Buffer[] = [];
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(bytes, {
              onRawData: (data: Uint8Array) => {
                const chunk = Buffer.from(data);
                chunks.push(chunk);
                if (!connection.closed && connection.socket.writable) connection.socket.write(chunk);
              },
            }),
          );
        } catch {
          connection.socket.destroy();
          continue;
        }
        const status = lastReadyStatus(Buffer.concat(chunks));
        // idle again: the next connection may have the session
        if (status === 'I') this.owner = null;
      }
    } finally {
      this.processing = false;
    }
  }
}
