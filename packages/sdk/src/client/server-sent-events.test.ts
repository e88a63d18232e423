import { describe, expect, it } from 'vitest';
import { serverSentEvents } from './subscribe.js';

function stream(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]) {
  const retries: number[] = [];
  const events = [];
  for await (const event of serverSentEvents(stream(chunks), (ms) => retries.push(ms))) events.push(event);
  return { events, retries };
}

describe('server-sent events in the SDK', () => {
  it('reads CRLF and CR line ends, ids, retry and comments, and events split across chunks', async () => {
    const { events, retries } = await collect([
      ': keep-alive\r\n\r\nretry: 2500\r\nid: 7\r\nevent: next\r\ndata: {"data":',
      '{"a":1}}\r\n\r\nevent: next\rdata: line one\rdata: line two\r\r',
      'event: complete\ndata:\n\n',
    ]);
    expect(retries).toEqual([2500]);
    expect(events).toEqual([
      { event: 'next', data: '{"data":{"a":1}}', id: '7' },
      { event: 'next', data: 'line one\nline two', id: '7' },
      { event: 'complete', data: '', id: '7' },
    ]);
  });
});
