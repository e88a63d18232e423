import type { AddressInfo } from 'node:net';
import { connect, createServer, type Socket } from 'node:net';

export interface DroppingProxy {
  url: string;
  /** requests forwarded to the server */
  forwarded: number;
  /** answers the server sent that the client never got */
  dropped: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of a real server that forwards the first `drops` requests, lets the
 * server do the work, and then cuts the client's connection as the answer starts to arrive:
 * the request happened, the response was lost. Later connections pass through untouched.
 */
export async function startDroppingProxy(target: string, drops: number): Promise<DroppingProxy> {
  const targetUrl = new URL(target);
  const sockets = new Set<Socket>();
  let remaining = drops;
  const state = { forwarded: 0, dropped: 0 };
  const server = createServer((client) => {
    const upstream = connect(Number(targetUrl.port), targetUrl.hostname);
    sockets.add(client).add(upstream);
    const dropThis = remaining > 0;
    if (dropThis) remaining -= 1;
    client.on('data', (chunk) => {
      if (chunk.toString('latin1').startsWith('POST ')) state.forwarded += 1;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (dropThis) {
        state.dropped += 1;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${targetUrl.pathname}`,
    get forwarded() {
      return state.forwarded;
    },
    get dropped() {
      return state.dropped;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
