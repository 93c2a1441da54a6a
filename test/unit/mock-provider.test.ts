import { describe, expect, it } from 'vitest';
import { NO_USAGE } from '../../src/core/chat/stream-part.js';
import { createMockProvider } from '../../src/providers/mock/mock-provider.js';
import type { ChatRequest, StreamPart, UpstreamTarget } from '../../src/providers/provider.js';
import { DEFAULT_TIMEOUTS } from '../../src/core/records/model.js';

const provider = createMockProvider();
const target = (mock?: UpstreamTarget['mock']): UpstreamTarget => ({
  modelId: 'm',
  upstreamModel: 'm',
  timeouts: DEFAULT_TIMEOUTS,
  streamUsage: true,
  ...(mock ? { mock } : {}),
});
const request = (prompt: string, maxTokens = 2000): ChatRequest => ({
  messages: [{ role: 'user', content: prompt }],
  params: { maxTokens },
});

async function collect(iterable: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  for await (const part of iterable) parts.push(part);
  return parts;
}

const text = (parts: StreamPart[]) => parts.map((p) => (p.type === 'text-delta' ? p.text : '')).join('');

describe('mock provider', () => {
  it('should stream start, one delta per token, then finish with exact usage', async () => {
    const parts = await collect(
      await provider.stream(request('hello there world'), target({ tokens: 5 }), { signal: new AbortController().signal }),
    );
    expect(parts[0]).toEqual({ type: 'start', upstreamModel: 'm' });
    expect(parts.filter((p) => p.type === 'text-delta')).toHaveLength(5);
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop', usage: { ...NO_USAGE, inputTokens: 3, outputTokens: 5 } });
    expect(text(parts).split(' ')).toHaveLength(5);
  });

  it('should answer the same prompt with the same text, and another prompt differently', async () => {
    const signal = new AbortController().signal;
    const a = text(await collect(await provider.stream(request('same'), target(), { signal })));
    const b = text(await collect(await provider.stream(request('same'), target(), { signal })));
    const c = text(await collect(await provider.stream(request('different'), target(), { signal })));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a.split(' ')).toHaveLength(16);
  });

  it('should stop at maxTokens with finish reason length, the whole answer cut after its first maxTokens words', async () => {
    const signal = new AbortController().signal;
    const parts = await collect(await provider.stream(request('x', 3), target({ tokens: 10 }), { signal }));
    expect(parts.filter((p) => p.type === 'text-delta')).toHaveLength(3);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'length', usage: { outputTokens: 3 } });
    const whole = text(await collect(await provider.stream(request('x'), target({ tokens: 10 }), { signal })));
    expect(whole.startsWith(text(parts))).toBe(true);
    expect(text(parts)).not.toMatch(/\.$/); // cut mid-sentence, as a vendor's answer is
  });

  it('should wait tokenDelayMs per token and end as cancelled with partial usage when aborted', async () => {
    const controller = new AbortController();
    const stream = await provider.stream(request('slow'), target({ tokens: 50, tokenDelayMs: 20 }), { signal: controller.signal });
    const parts: StreamPart[] = [];
    for await (const part of stream) {
      parts.push(part);
      if (parts.filter((p) => p.type === 'text-delta').length === 2) controller.abort();
    }
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'cancelled',
      usage: { ...NO_USAGE, inputTokens: 1, outputTokens: 2 },
    });
  });

  it('should report itself healthy without any network', async () => {
    await expect(provider.checkHealth(target(), { signal: new AbortController().signal })).resolves.toMatchObject({ ok: true });
  });
});
