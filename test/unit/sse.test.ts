import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from '../../src/providers/sse.js';

function parse(chunks: (string | Uint8Array)[]): SseEvent[] {
  const parser = new SseParser();
  return chunks.flatMap((chunk) => parser.feed(chunk));
}

/** Every way of cutting `text` into two chunks, plus one byte at a time. */
function splits(text: string): (string | Uint8Array)[][] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[][] = [Array.from(bytes, (b) => Uint8Array.of(b))];
  for (let i = 1; i < bytes.length; i++) out.push([bytes.slice(0, i), bytes.slice(i)]);
  return out;
}

describe('SseParser', () => {
  it('should parse OpenAI-style data-only events', async () => {
    expect(await parse(['data: {"a":1}\n\ndata: [DONE]\n\n'])).toEqual([
      { event: 'message', data: '{"a":1}' },
      { event: 'message', data: '[DONE]' },
    ]);
  });

  it('should parse Anthropic-style event/data pairs', async () => {
    expect(await parse(['event: ping\ndata: {"type": "ping"}\n\nevent: message_stop\ndata: {}\n\n'])).toEqual([
      { event: 'ping', data: '{"type": "ping"}' },
      { event: 'message_stop', data: '{}' },
    ]);
  });

  it('should give the same events however the bytes are split, with CRLF, CR, comments, ids and multi-line data', async () => {
    const text = ': keep-alive\r\nevent: a\r\ndata: line one\r\ndata: line two é€😀\r\nid: 7\r\n\r\ndata:no-space\rdata:  two spaces\r\r';
    const expected = [
      { event: 'a', data: 'line one\nline two é€😀', id: '7' },
      { event: 'message', data: 'no-space\n two spaces', id: '7' },
    ];
    for (const chunks of splits(text)) expect(await parse(chunks)).toEqual(expected);
  });

  it('should drop events without data and an unterminated last event', async () => {
    expect(await parse(['event: lonely\n\n', 'data: cut'])).toEqual([]);
  });
});
