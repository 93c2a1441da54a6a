import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { UpstreamError } from '../../src/core/errors.js';
import { createOpenAICompatibleAdapter } from '../../src/providers/openai/openai-adapter.js';
import { MAX_ANSWER_CHARS } from '../../src/providers/provider-stream.js';
import { MAX_SSE_EVENT_CHARS, SseParser } from '../../src/providers/sse.js';
import type { StreamPart } from '../../src/providers/provider.js';
import { DEFAULT_TIMEOUTS } from '../../src/core/records/model.js';
import { collect, HELLO, loopbackHttp, signal } from './helpers.js';
import { waitFor } from '../helpers/ws.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A vendor that writes `total` bytes of `chunk` (as fast as the socket takes them) after `head`; tells how much it got to write. */
async function floodingVendor(status: number, contentType: string, head: string, chunk: string, total: number) {
  const sent = { bytes: 0, closedEarly: false, closed: false };
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'content-type': contentType });
    res.write(head);
    const block = Buffer.from(chunk.repeat(Math.ceil(65_536 / chunk.length)));
    const pump = () => {
      while (sent.bytes < total) {
        sent.bytes += block.length;
        if (!res.write(block)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.once('close', () => {
      sent.closedEarly = sent.bytes < total;
      sent.closed = true;
    });
    pump();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const target = {
    modelId: 'flood',
    upstreamModel: 'gpt-4o-mini',
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    streamUsage: true,
    timeouts: DEFAULT_TIMEOUTS,
  };
  return { sent, target };
}

describe('vendor bodies are read up to a bound', () => {
  it('should read 64 KiB of a 200 MB error body and close the connection', async () => {
    const { sent, target } = await floodingVendor(500, 'text/html', '<html>Internal error ', 'x', 200 * 1024 * 1024);
    const adapter = createOpenAICompatibleAdapter('openai', loopbackHttp());
    const error = (await adapter.stream(HELLO, target, { signal: signal() }).catch((e: unknown) => e)) as UpstreamError;
    expect(error.message.startsWith('openai answered 500: <html>Internal error xxx')).toBe(true);
    await waitFor(() => sent.closed, 'the vendor to see its connection closed');
    expect(sent.closedEarly).toBe(true);
    expect(sent.bytes).toBeLessThan(50 * 1024 * 1024);
  });

  it('should end a stream whose one SSE event never ends, with an error', async () => {
    const { sent, target } = await floodingVendor(
      200,
      'text/event-stream',
      'data: {"choices":[{"delta":{"content":"',
      'a',
      50 * 1024 * 1024,
    );
    const adapter = createOpenAICompatibleAdapter('openai', loopbackHttp());
    const error = (await adapter.stream(HELLO, target, { signal: signal() }).catch((e: unknown) => e)) as UpstreamError;
    expect(error.message).toBe(`flood: the stream broke: an SSE event passed ${MAX_SSE_EVENT_CHARS} characters`);
    await waitFor(() => sent.closed, 'the vendor to see its connection closed');
    expect(sent.bytes).toBeLessThan(50 * 1024 * 1024);
  });

  it('should end an answer that passes the longest answer relayed, keeping the partial text', async () => {
    const delta = `data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"${'word '.repeat(200)}"},"finish_reason":null}]}\n\n`;
    const { target } = await floodingVendor(200, 'text/event-stream', '', delta, 100 * 1024 * 1024);
    const adapter = createOpenAICompatibleAdapter('openai', loopbackHttp());
    const parts: StreamPart[] = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    const last = parts.at(-1);
    expect(last?.type).toBe('error');
    expect(last?.type === 'error' && last.error.message).toBe(`flood: the answer passed ${MAX_ANSWER_CHARS} characters`);
  });

  it('should refuse to buffer one event past its limit in the parser itself', () => {
    const parser = new SseParser(100);
    expect(parser.feed('data: short\n\n')).toEqual([{ event: 'message', data: 'short' }]);
    expect(() => parser.feed(`data: ${'x'.repeat(60)}\ndata: ${'y'.repeat(60)}\n`)).toThrow('an SSE event passed 100 characters');
    expect(() => new SseParser(100).feed('z'.repeat(101))).toThrow('an SSE event passed 100 characters');
    expect(() => new SseParser(100).feed('data:\n'.repeat(101))).toThrow('an SSE event passed 100 characters'); // empty data lines count
  });
});
